package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The .nda reader behind a valid BTS 9.1 header, fed random bytes: it never throws, and every whole record comes
 * back as a sample or a rejected record until the footer mark.
 */
class NdaGarbageProperties {

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

    @Property(tries = 300)
    void shouldNeverThrowOnRandomRecords(@ForAll @Size(max = 2000) final byte[] garbage) throws IOException {
        final byte[] h = header();
        final byte[] file = new byte[h.length + garbage.length];
        System.arraycopy(h, 0, file, 0, h.length);
        System.arraycopy(garbage, 0, file, h.length, garbage.length);
        final ReadLog log = ReadLog.of(new NewareNdaReader(Path.of("random.nda"), ReaderOptions.defaults(),
                new ByteArrayInputStream(file)));
        final long records = log.counts().dataRows();
        // the two header records, then whole records (and a truncated tail) until a record opens with 0x81
        assertThat(records).isBetween(2L, 2L + (garbage.length + 55) / 56);
        assertThat(log.accepted()).allMatch(a -> Double.isFinite(a.sample().currentA()));
    }
}
