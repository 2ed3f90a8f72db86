package io.cellfloor.domain;

/**
 * One decoded batch of a channel's samples as {@link ChannelSession} reads it: which test and batch it is, and its
 * samples by index. An interface over the caller's own columns, so that no sample is copied or boxed on the way in.
 */
public interface ChannelBatch {
    String testId();

    /** The publisher's batch sequence number within the test; a repeat is a duplicate. */
    long sequence();

    /** Whether the test ended with this batch: what is open is closed. */
    boolean endOfTest();

    int size();

    long timeMs(int k);

    double currentA(int k);

    double voltageV(int k);

    /** The cycler's cycle index, or {@link Sample#NO_INDEX}. */
    int cycleIndex(int k);

    /** The cycler's own step kind, or null when unknown. */
    Direction stepType(int k);

    /** The cycler's step index, or {@link Sample#NO_INDEX}. */
    default int stepIndex(final int k) {
        return Sample.NO_INDEX;
    }

    /** The instrument's charge counter by the convention on {@link Sample}, or NaN. */
    default double chargeAh(final int k) {
        return Double.NaN;
    }

    /** The instrument's discharge counter by the convention on {@link Sample}, or NaN. */
    default double dischargeAh(final int k) {
        return Double.NaN;
    }
}
