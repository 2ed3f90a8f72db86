package io.cellfloor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle of one channel, batch by batch: the rules that decide what a batch does to the channel's stored
 * state before and around cycle assembly. A batch of a new test finishes the old test (the reorder buffer is flushed
 * into it, what is open is closed) and starts afresh; a batch of another test whose samples all precede the current
 * test's newest sample belongs to an earlier test (a replay, a resent spool) and changes nothing, since a cycler runs
 * one test at a time on a channel; a batch whose sequence number was already seen is a duplicate and changes nothing;
 * each sample is checked and either goes straight into the assembler (nothing held back and the batch in time order,
 * the usual case) or through the reorder buffer; the end of a test flushes and closes it.
 *
 * <p>Pure and stateless between calls: the caller restores the channel's {@link CycleState} and {@link ReorderBuffer},
 * calls {@link #process}, stores both and emits the {@link BatchOutcome}. No allocation per sample.
 */
public final class ChannelSession {
    private final CycleRules rules;
    private final long sampleGraceMs;

    /** @param sampleGraceMs how long samples are held to be put back in order; 0 only sorts each batch */
    public ChannelSession(final CycleRules rules, final long sampleGraceMs) {
        this.rules = rules;
        this.sampleGraceMs = sampleGraceMs;
    }

    /**
     * @param registered the channel's registered cell, or null; it applies only to samples of its own test
     */
    public BatchOutcome process(final CycleState state, final ReorderBuffer buffer, final ChannelBatch batch,
                                final CellAssignment registered) {
        final long newest = newest(batch);
        if (!state.testId().equals(batch.testId()) && newest < state.lastTimeMs()) {
            return new BatchOutcome(null, new Rejection("batch of an earlier test: test " + batch.testId()
                    + " (sequence " + batch.sequence() + ") ends at " + newest + " ms, before the newest sample ("
                    + state.lastTimeMs() + " ms) of the channel's current test " + state.testId(), batch.size()),
                    false, 0, new ClosedCycles(batch.testId(), CellAssignment.cellFor(registered, batch.testId()),
                    List.of()));
        }
        final ClosedCycles finished = state.testId().equals(batch.testId()) ? null
                : startTest(state, buffer, batch.testId(), registered);
        final CellSpec cell = CellAssignment.cellFor(registered, batch.testId());
        final int n = batch.size();
        if (batch.sequence() <= state.lastSequence()) {
            return new BatchOutcome(finished, new Rejection("duplicate batch: sequence " + batch.sequence()
                    + " of test " + batch.testId() + " was already processed (last " + state.lastSequence() + ")", n),
                    false, 0, new ClosedCycles(batch.testId(), cell, List.of()));
        }
        state.lastSequence(batch.sequence());
        final List<Cycle> closed = new ArrayList<>();
        final CycleAssembler assembler = new CycleAssembler(rules, cell, state, closed::add);
        final Rejection rejection = feed(assembler, buffer, batch, n);
        if (batch.endOfTest()) {
            buffer.releaseAll(assembler::accept);
            assembler.finish();
        }
        return new BatchOutcome(finished, rejection, true, n - (rejection == null ? 0 : rejection.samples()),
                new ClosedCycles(batch.testId(), cell, closed));
    }

    /** Finishes the channel's previous test, if it had one, and starts {@code testId} with a fresh sequence. */
    private ClosedCycles startTest(final CycleState state, final ReorderBuffer buffer, final String testId,
                                   final CellAssignment registered) {
        ClosedCycles finished = null;
        if (!state.testId().isEmpty()) {
            final CellSpec previous = CellAssignment.cellFor(registered, state.testId());
            final List<Cycle> closed = new ArrayList<>();
            final CycleAssembler old = new CycleAssembler(rules, previous, state, closed::add);
            buffer.releaseAll(old::accept);
            old.finish();
            buffer.clear();
            finished = new ClosedCycles(state.testId(), previous, closed);
        }
        state.reset(testId);
        state.lastSequence(-1);
        return finished;
    }

    /**
     * Checks each sample, takes the valid ones directly or through the reorder buffer, and releases what has waited
     * out the grace; returns the rejection naming the first reason, or null when every sample was taken.
     */
    private Rejection feed(final CycleAssembler a, final ReorderBuffer buffer, final ChannelBatch b, final int n) {
        // Nothing to hold back and nothing to reorder (the usual batch): straight into the assembler. Same result as
        // through the buffer, which would release the whole sorted batch at once, without copying it there.
        final boolean direct = sampleGraceMs == 0 && buffer.size() == 0 && inTimeOrder(b, n);
        final ReorderBuffer.Sink next = direct ? a::accept : buffer::offer;
        int rejected = 0;
        String firstReason = null;
        for (int k = 0; k < n; k++) {
            final long tk = b.timeMs(k);
            final double ik = b.currentA(k);
            final double vk = b.voltageV(k);
            final int cycle = b.cycleIndex(k);
            final String why = a.check(tk, ik, vk, cycle);
            if (why == null) {
                next.accept(tk, ik, vk, b.stepIndex(k), cycle, b.stepType(k), b.chargeAh(k), b.dischargeAh(k));
            } else if (rejected++ == 0) {
                firstReason = "sample " + k + ": " + why;
            }
        }
        if (!direct) {
            buffer.release(sampleGraceMs, a::accept);
        }
        return rejected == 0 ? null
                : new Rejection(rejected + " of " + n + " samples rejected; first: " + firstReason, rejected);
    }

    /** The batch's newest sample time; the lowest time when it has none, which marks it as of no earlier test. */
    private static long newest(final ChannelBatch b) {
        long newest = Long.MIN_VALUE;
        for (int k = 0; k < b.size(); k++) {
            newest = Math.max(newest, b.timeMs(k));
        }
        return newest;
    }

    private static boolean inTimeOrder(final ChannelBatch b, final int n) {
        for (int k = 1; k < n; k++) {
            if (b.timeMs(k) < b.timeMs(k - 1)) {
                return false;
            }
        }
        return true;
    }
}
