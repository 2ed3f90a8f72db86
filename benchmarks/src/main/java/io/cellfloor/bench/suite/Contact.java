package io.cellfloor.bench.suite;

/**
 * One dendrite contact: a parallel electronic path that exists from {@code startS} (seconds into the half) for
 * {@code durationS}. Its resistance is given as the fraction {@code depth} by which it pulls the half's overpotential
 * towards 0 V (R_short = R_cell (1 - depth) / depth), so the same contact is equally visible at every current.
 */
record Contact(Half half, double startS, double durationS, double depth) {
    Contact {
        if (depth <= 0 || depth >= 1 || durationS <= 0 || startS < 0) {
            throw new IllegalArgumentException("contact needs 0 < depth < 1, a positive duration and start >= 0");
        }
    }

    boolean activeAt(final Half where, final double secondsIntoHalf) {
        return where == half && secondsIntoHalf >= startS && secondsIntoHalf < startS + durationS;
    }
}
