package io.cellfloor.ingest.format;

import static io.cellfloor.ingest.format.RandomCases.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.ingest.format.RandomCases.Case;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .nda reader behind a valid BTS 9.1 header, fed random bytes: it never throws, and every whole record comes
 * back as a sample or a rejected record until the footer mark. The bytes come from fixed seeds (see
 * {@link RandomCases}); a failure names the case, its seed and the bytes.
 */
class NdaGarbageTest {

    private static byte[] header() {
        final byte[] h = new byte[1024 + 112];
        System.arraycopy("NEWARE".getBytes(StandardCharsets.ISO_8859_1), 0, h, 0, 6);
        h[14] = (byte) 130;
        // two data records, to give the record length (56)
        h[1024] = 0x55;
        h[1025] = 0x06;
        h[1080] = 0x55;
        h[1081] = 0x06;
        return h;
    }

    static Stream<Case> records() {
        return RandomCases.cases(0x6e64_6100_0000_0001L, 300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldNeverThrowOnRandomRecords(final Case c) {
        final byte[] garbage = RandomCases.bytes(c.random(), 2000);
        final Supplier<String> input = () -> c + ", after the header " + show(garbage);
        final byte[] h = header();
        final byte[] file = new byte[h.length + garbage.length];
        System.arraycopy(h, 0, file, 0, h.length);
        System.arraycopy(garbage, 0, file, h.length, garbage.length);
        final ReadLog log;
        try {
            log = ReadLog.of(new NewareNdaReader(Path.of("random.nda"), ReaderOptions.defaults(),
                    new ByteArrayInputStream(file)));
        } catch (final IOException | RuntimeException e) {
            throw new AssertionError("the reader threw on " + input.get(), e);
        }
        final long records = log.counts().dataRows();
        // the two header records, then whole records (and a truncated tail) until a record opens with 0x81
        assertThat(records).as(input).isBetween(2L, 2L + (garbage.length + 55) / 56);
        assertThat(log.accepted()).as(input).allMatch(a -> Double.isFinite(a.sample().currentA()));
    }
}
