package io.cellfloor.domain;

import java.util.Arrays;

/**
 * Holds one channel's samples back for a grace period of sample time so that samples arriving out of order
 * within it are put back in order before cycle assembly. A sample is released once the newest sample seen is
 * more than the grace ahead of it; with a grace of 0 a batch is only sorted. A sample older than what was
 * already released is late: the caller rejects it (see {@link CycleAssembler#check}).
 *
 * <p>Columnar and compact, so it can live in a state store between batches ({@link StateCodec}); empty most of the
 * time.
 */
public final class ReorderBuffer {
    private long[] time = new long[16];
    private double[] current = new double[16];
    private double[] voltage = new double[16];
    private int[] cycleIndex = new int[16];
    private byte[] stepType = new byte[16];
    private int[] stepIndex = new int[16];
    private double[] chargeAh = new double[16];
    private double[] dischargeAh = new double[16];
    private int size;
    private long newestMs = Long.MIN_VALUE;

    /** Receives released samples, oldest first. */
    public interface Sink {
        void accept(long timeMs, double currentA, double voltageV, int stepIndex, int cycleIndex, Direction stepType,
                    double chargeAh, double dischargeAh);
    }

    public int size() {
        return size;
    }

    /**
     * Adds a sample in time order; samples with equal times keep their arrival order (cyclers log a step's end
     * and the next step's start at the same time).
     */
    public void offer(final long timeMs, final double currentA, final double voltageV, final int stepAt,
                      final int cycle, final Direction step, final double charge, final double discharge) {
        int at = size;
        while (at > 0 && time[at - 1] > timeMs) {
            at--;
        }
        grow();
        final int tail = size - at;
        System.arraycopy(time, at, time, at + 1, tail);
        System.arraycopy(current, at, current, at + 1, tail);
        System.arraycopy(voltage, at, voltage, at + 1, tail);
        System.arraycopy(cycleIndex, at, cycleIndex, at + 1, tail);
        System.arraycopy(stepType, at, stepType, at + 1, tail);
        System.arraycopy(stepIndex, at, stepIndex, at + 1, tail);
        System.arraycopy(chargeAh, at, chargeAh, at + 1, tail);
        System.arraycopy(dischargeAh, at, dischargeAh, at + 1, tail);
        time[at] = timeMs;
        current[at] = currentA;
        voltage[at] = voltageV;
        cycleIndex[at] = cycle;
        stepType[at] = (byte) (step == null ? 0 : step.ordinal() + 1);
        stepIndex[at] = stepAt;
        chargeAh[at] = charge;
        dischargeAh[at] = discharge;
        size++;
        newestMs = Math.max(newestMs, timeMs);
    }

    /** Forgets every sample held and the newest time seen: a new test begins. */
    public void clear() {
        size = 0;
        newestMs = Long.MIN_VALUE;
    }

    /** Releases every sample at least {@code graceMs} older than the newest one seen. */
    public void release(final long graceMs, final Sink sink) {
        releaseUpTo(newestMs - graceMs, sink);
    }

    /** Releases everything held: the data has ended. */
    public void releaseAll(final Sink sink) {
        releaseUpTo(Long.MAX_VALUE, sink);
    }

    private void releaseUpTo(final long limitMs, final Sink sink) {
        int n = 0;
        while (n < size && time[n] <= limitMs) {
            sink.accept(time[n], current[n], voltage[n], stepIndex[n], cycleIndex[n],
                    stepType[n] == 0 ? null : Direction.values()[stepType[n] - 1], chargeAh[n], dischargeAh[n]);
            n++;
        }
        if (n > 0) {
            final int rest = size - n;
            System.arraycopy(time, n, time, 0, rest);
            System.arraycopy(current, n, current, 0, rest);
            System.arraycopy(voltage, n, voltage, 0, rest);
            System.arraycopy(cycleIndex, n, cycleIndex, 0, rest);
            System.arraycopy(stepType, n, stepType, 0, rest);
            System.arraycopy(stepIndex, n, stepIndex, 0, rest);
            System.arraycopy(chargeAh, n, chargeAh, 0, rest);
            System.arraycopy(dischargeAh, n, dischargeAh, 0, rest);
            size = rest;
        }
    }

    private void grow() {
        if (size == time.length) {
            final int capacity = size * 2;
            time = Arrays.copyOf(time, capacity);
            current = Arrays.copyOf(current, capacity);
            voltage = Arrays.copyOf(voltage, capacity);
            cycleIndex = Arrays.copyOf(cycleIndex, capacity);
            stepType = Arrays.copyOf(stepType, capacity);
            stepIndex = Arrays.copyOf(stepIndex, capacity);
            chargeAh = Arrays.copyOf(chargeAh, capacity);
            dischargeAh = Arrays.copyOf(dischargeAh, capacity);
        }
    }

    /**
     * The samples held, oldest first, after the newest time seen (see {@link StateCodec}); version 2 added the step
     * index and the instrument's counters (samples of version 1 have none).
     */
    void fields(final StateFields f) {
        newestMs = f.i64(newestMs);
        final int n = f.i32(size);
        for (int k = 0; k < n; k++) {
            if (f.reading()) {
                grow();
                size++;
            }
            time[k] = f.i64(time[k]);
            current[k] = f.f64(current[k]);
            voltage[k] = f.f64(voltage[k]);
            cycleIndex[k] = f.i32(cycleIndex[k]);
            stepType[k] = f.i8(stepType[k]);
            if (f.version() >= 2) {
                stepIndex[k] = f.i32(stepIndex[k]);
                chargeAh[k] = f.f64(chargeAh[k]);
                dischargeAh[k] = f.f64(dischargeAh[k]);
            } else {
                stepIndex[k] = Sample.NO_INDEX;
                chargeAh[k] = Double.NaN;
                dischargeAh[k] = Double.NaN;
            }
        }
    }
}
