package io.cellfloor.domain;

/**
 * One watched open-circuit rest: what the half-cycle before it was and how far its voltage moved.
 *
 * @param cycleNumber the cycle the half before the rest belongs to
 * @param after       that half's direction
 * @param afterCutoff whether that half ended at its voltage cut-off
 */
record RestObservation(int cycleNumber, Direction after, boolean afterCutoff, long startMs, double startV, long endMs,
                       double endV, int samples) {

    double durationS() {
        return (endMs - startMs) / 1000.0;
    }
}
