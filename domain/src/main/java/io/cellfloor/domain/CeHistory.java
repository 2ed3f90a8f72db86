package io.cellfloor.domain;

import java.nio.ByteBuffer;

/**
 * The CE of a channel's last healthy cycles, oldest first, in a fixed ring: the baseline the CE-jump detector
 * measures departures from. Part of the channel's persisted state.
 */
final class CeHistory {
    static final int CAPACITY = 16;

    private final double[] ce = new double[CAPACITY];
    private final int[] cycle = new int[CAPACITY];
    private int head;
    private int size;

    int size() {
        return size;
    }

    /** The k-th oldest CE (0 = oldest). */
    double ce(final int k) {
        return ce[(head + k) % CAPACITY];
    }

    /** The cycle number of the k-th oldest entry. */
    int cycle(final int k) {
        return cycle[(head + k) % CAPACITY];
    }

    /** Adds the newest cycle, dropping the oldest beyond {@code limit} entries. */
    void add(final int cycleNumber, final double cePercent, final int limit) {
        while (size >= limit) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        final int at = (head + size) % CAPACITY;
        ce[at] = cePercent;
        cycle[at] = cycleNumber;
        size++;
    }

    /** Drops the newest entry when it is {@code cycleNumber}'s: a late finding showed that cycle was not healthy. */
    void forget(final int cycleNumber) {
        if (size > 0 && cycle(size - 1) == cycleNumber) {
            size--;
        }
    }

    void clear() {
        head = 0;
        size = 0;
    }

    void write(final ByteBuffer b) {
        b.put((byte) size);
        for (int k = 0; k < size; k++) {
            b.putInt(cycle(k)).putDouble(ce(k));
        }
    }

    void read(final ByteBuffer b) {
        clear();
        final int n = b.get();
        for (int k = 0; k < n; k++) {
            final int c = b.getInt();
            add(c, b.getDouble(), CAPACITY);
        }
    }
}
