package io.cellfloor.ingest.spool;

/**
 * A byte position in the spool: a segment and an offset in it. Ordered like the records.
 */
public record SpoolPosition(long segment, long offset) implements Comparable<SpoolPosition> {
    public static final SpoolPosition START = new SpoolPosition(0, 0);

    @Override
    public int compareTo(final SpoolPosition o) {
        final int bySegment = Long.compare(segment, o.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, o.offset);
    }

    public boolean isBefore(final SpoolPosition o) {
        return compareTo(o) < 0;
    }
}
