package io.cellfloor.streams.topology;

import io.cellfloor.avro.CellTest;
import io.cellfloor.domain.CellAssignment;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The cell registered on a channel, read from the store {@link CellTestProcessor} writes. Decoding is what costs, so
 * the decoded cell is kept per channel together with the bytes it came from and used again while the store still
 * holds those bytes.
 */
final class CellTestLookup {
    private record Decoded(byte[] bytes, CellAssignment assignment) {
    }

    private final Codecs codecs;
    private final KeyValueStore<String, byte[]> store;
    private final Map<String, Decoded> cache = new HashMap<>();

    CellTestLookup(final Codecs codecs, final KeyValueStore<String, byte[]> store) {
        this.codecs = codecs;
        this.store = store;
    }

    /** The channel's registered cell and its test, or null when none is registered. */
    CellAssignment of(final String channel) {
        final byte[] bytes = store.get(channel);
        if (bytes == null) {
            cache.remove(channel);
            return null;
        }
        final Decoded known = cache.get(channel);
        if (known != null && Arrays.equals(known.bytes(), bytes)) {
            return known.assignment();
        }
        final CellTest test = codecs.cellTests().deserialize(Topics.CELL_TESTS, bytes);
        final CellAssignment assignment = new CellAssignment(test.getTestId(), AvroMapping.cell(test));
        cache.put(channel, new Decoded(bytes, assignment));
        return assignment;
    }
}
