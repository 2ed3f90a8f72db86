package io.cellfloor.domain;

/**
 * What one batch did to a channel, in the order the caller must emit it: first the cycles of a test it finished
 * (a new test began), then the rejection, then the cycles of the batch's own test.
 *
 * @param finishedTest cycles of the previous test, closed because a new one began; null when none did
 * @param rejection    samples not taken, or null when all were
 * @param applied      false when the whole batch was a duplicate and left the state as it was
 * @param accepted     samples taken into the state
 * @param cycles       cycles of the batch's own test that closed (possibly none)
 */
public record BatchOutcome(ClosedCycles finishedTest, Rejection rejection, boolean applied, int accepted,
                           ClosedCycles cycles) {
}
