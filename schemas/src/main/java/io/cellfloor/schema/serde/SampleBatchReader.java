package io.cellfloor.schema.serde;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StepType;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format {@link SampleBatch} records straight into {@link SampleColumns}. Records written with
 * this build's own SampleBatch schema (the same parsing canonical form, so the same binary layout) are decoded
 * field by field into primitive arrays; any other writer schema goes through {@code resolving}, the general reader
 * that resolves it to ours. Why: decoding every sample into a boxed {@code List<Double>} was a third of the
 * stream threads' time, and samples are nearly all the bytes cellfloor reads.
 */
public final class SampleBatchReader implements Deserializer<SampleColumns> {
    private static final long OWN_SCHEMA = SchemaNormalization.parsingFingerprint64(SampleBatch.getClassSchema());
    private static final StepType[] STEP_TYPES = StepType.values();

    private final SchemaRegistryClient client;
    private final Deserializer<SampleBatch> resolving;
    private final Map<Integer, Boolean> ownSchemaById = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    public SampleBatchReader(final SchemaRegistryClient client, final Deserializer<SampleBatch> resolving) {
        this.client = client;
        this.resolving = resolving;
    }

    @Override
    public SampleColumns deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        final int schemaId = ConfluentWireFormat.schemaId(topic, data);
        if (!isOwnSchema(schemaId)) {
            return SampleColumns.of(resolving.deserialize(topic, data));
        }
        final BinaryDecoder in = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE,
                data.length - ConfluentWireFormat.HEADER_SIZE, decoders.get());
        decoders.set(in);
        try {
            return read(in, data.length);
        } catch (IOException | RuntimeException e) {   // Avro's own limits throw UnsupportedOperationException
            throw new SerializationException("Could not read a SampleBatch of schema id " + schemaId + " on topic '"
                    + topic + "' (" + data.length + " bytes): the Avro payload does not match its writer schema: "
                    + e, e);
        }
    }

    private boolean isOwnSchema(final int schemaId) {
        Boolean own = ownSchemaById.get(schemaId);
        if (own == null) {
            try {
                own = SchemaNormalization.parsingFingerprint64(client.getById(schemaId)) == OWN_SCHEMA;
            } catch (RuntimeException e) {
                return false;   // unknown id or registry down: the resolving reader says which, and nothing is cached
            }
            ownSchemaById.put(schemaId, own);
        }
        return own;
    }

    /** The fields in schema order; {@code bound} caps what a corrupt item count can make us allocate up front. */
    private static SampleColumns read(final BinaryDecoder in, final int bound) throws IOException {
        final String station = in.readString();
        final String channel = in.readString();
        final String test = in.readString();
        final long sequence = in.readLong();
        final long[] t = readLongs(in, bound);
        final double[] current = readDoubles(in, bound);
        final double[] voltage = readDoubles(in, bound);
        final int[] stepIndex = in.readIndex() == 0 ? null : readInts(in, bound);
        final int[] cycleIndex = in.readIndex() == 0 ? null : readInts(in, bound);
        final StepType[] stepType = in.readIndex() == 0 ? null : readStepTypes(in, bound);
        final double[] chargeAh = in.readIndex() == 0 ? null : readDoubles(in, bound);
        final double[] dischargeAh = in.readIndex() == 0 ? null : readDoubles(in, bound);
        skipOptional(in, 8);
        return new SampleColumns(station, channel, test, sequence, in.readBoolean(), t, current, voltage, cycleIndex,
                stepType, stepIndex, chargeAh, dischargeAh);
    }

    private static long[] readLongs(final BinaryDecoder in, final int bound) throws IOException {
        long[] out = new long[0];
        int n = 0;
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            out = Arrays.copyOf(out, size(n, block, bound));
            for (long k = 0; k < block; k++) {
                out[n++] = in.readLong();
            }
        }
        return out;
    }

    private static double[] readDoubles(final BinaryDecoder in, final int bound) throws IOException {
        double[] out = new double[0];
        int n = 0;
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            out = Arrays.copyOf(out, size(n, block, bound / 8));
            for (long k = 0; k < block; k++) {
                out[n++] = in.readDouble();
            }
        }
        return out;
    }

    private static int[] readInts(final BinaryDecoder in, final int bound) throws IOException {
        int[] out = new int[0];
        int n = 0;
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            out = Arrays.copyOf(out, size(n, block, bound));
            for (long k = 0; k < block; k++) {
                out[n++] = in.readInt();
            }
        }
        return out;
    }

    private static StepType[] readStepTypes(final BinaryDecoder in, final int bound) throws IOException {
        StepType[] out = new StepType[0];
        int n = 0;
        for (long block = in.readArrayStart(); block > 0; block = in.arrayNext()) {
            out = Arrays.copyOf(out, size(n, block, bound));
            for (long k = 0; k < block; k++) {
                final int symbol = in.readEnum();
                if (symbol < 0 || symbol >= STEP_TYPES.length) {
                    throw new IOException("step type " + symbol + " is not a StepType symbol");
                }
                out[n++] = STEP_TYPES[symbol];
            }
        }
        return out;
    }

    /** Skips a {@code ["null", array]} field of fixed-size or varint items ({@code itemBytes} 8 or 4). */
    private static void skipOptional(final BinaryDecoder in, final int itemBytes) throws IOException {
        if (in.readIndex() == 0) {
            return;
        }
        for (long block = in.skipArray(); block > 0; block = in.skipArray()) {
            for (long k = 0; k < block; k++) {
                if (itemBytes == 8) {
                    in.skipFixed(8);
                } else {
                    in.readInt();
                }
            }
        }
    }

    /** The length after the next block, refused where it could not fit in the record's bytes. */
    private static int size(final int used, final long block, final int bound) throws IOException {
        if (used + block > bound) {
            throw new IOException("an array of " + (used + block) + " items cannot fit in a record of that size");
        }
        return (int) (used + block);
    }
}
