package io.cellfloor.domain;

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

    /** Oldest first, so that a restored ring starts at index 0. */
    void fields(final StateFields f) {
        if (f.reading()) {
            clear();
        }
        final int n = f.count8(size);
        for (int k = 0; k < n; k++) {
            final int c = f.i32(f.reading() ? 0 : cycle(k));
            final double v = f.f64(f.reading() ? 0 : ce(k));
            if (f.reading()) {
                add(c, v, CAPACITY);
            }
        }
    }
}
