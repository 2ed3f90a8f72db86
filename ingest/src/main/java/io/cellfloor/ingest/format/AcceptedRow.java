package io.cellfloor.ingest.format;

import io.cellfloor.domain.Sample;
import java.util.Objects;

/**
 * A data row the reader turned into a sample, with its units and signs normalised (see the package doc).
 *
 * @param line the 1-based line (text files) or record number (.res) the sample came from
 */
public record AcceptedRow(long line, Sample sample) implements ReadResult {
    public AcceptedRow {
        Objects.requireNonNull(sample, "sample");
    }
}
