package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each lifecycle rule of a channel, batch by batch, on plain columns. */
class ChannelSessionTest {
    private static final double I = Batches.I;

    private final CycleState state = new CycleState();
    private final ReorderBuffer buffer = new ReorderBuffer();
    private final ChannelSession direct = new ChannelSession(CycleRules.DEFAULTS, 0);

    /** One charge of 101 s at 1 mA and one discharge of 61 s, then a sample of the next charge: cycle 1 is closed. */
    private static Batches oneCycle() {
        return new Batches().step(0, 101, I).step(101, 61, -I).step(162, 2, I);
    }

    @Test
    void shouldCloseACycleWhenItsSecondHalfEnds() {
        final BatchOutcome out = direct.process(state, buffer, oneCycle().batch("A", 0, false), null);

        assertThat(out.rejection()).isNull();
        assertThat(out.accepted()).isEqualTo(164);
        assertThat(out.cycles().testId()).isEqualTo("A");
        assertThat(out.cycles().cycles()).hasSize(1);
        final Cycle c = out.cycles().cycles().get(0);
        assertThat(c.charge().capacityAh()).isCloseTo(0.001 * 100 / 3600, within(1e-12));
        assertThat(c.cePercent()).isCloseTo(60.0, within(1e-9));
        assertThat(out.finishedTest()).isNull();
    }

    @Test
    void shouldFinishTheOldTestWhenABatchOfANewTestArrives() {
        direct.process(state, buffer, new Batches().step(0, 101, I).batch("A", 7, false), null);

        final BatchOutcome out = direct.process(state, buffer, new Batches().step(500, 3, I).batch("B", 0, false),
                null);

        assertThat(out.finishedTest().testId()).isEqualTo("A");
        assertThat(out.finishedTest().cycles()).hasSize(1);
        final Cycle old = out.finishedTest().cycles().get(0);
        assertThat(old.complete()).isFalse();
        assertThat(old.charge().endReason()).isEqualTo(EndReason.INCOMPLETE);
        assertThat(old.charge().endMs()).isEqualTo(100_000);
        assertThat(state.testId()).isEqualTo("B");
        assertThat(state.lastSequence()).isEqualTo(0);
        assertThat(state.cyclesEmitted()).isZero();
        assertThat(out.rejection()).isNull();
    }

    @Test
    void shouldFlushTheReorderBufferIntoTheOldTestBeforeFinishingIt() {
        final ChannelSession held = new ChannelSession(CycleRules.DEFAULTS, 30_000);
        held.process(state, buffer, new Batches().step(0, 101, I).batch("A", 0, false), null);
        assertThat(buffer.size()).isEqualTo(30);

        final BatchOutcome out = held.process(state, buffer, new Batches().step(500, 3, I).batch("B", 0, false), null);

        assertThat(out.finishedTest().cycles().get(0).charge().endMs()).isEqualTo(100_000);
        assertThat(out.finishedTest().cycles().get(0).charge().sampleCount()).isEqualTo(101);
        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void shouldStartTheNewTestWithAnEmptyReorderBuffer() {
        final ChannelSession held = new ChannelSession(CycleRules.DEFAULTS, 30_000);
        held.process(state, buffer, new Batches().step(1000, 101, I).batch("A", 0, false), null);
        assertThat(buffer.size()).isEqualTo(30);

        // test A's 30 held samples went into test A; test B's buffer holds only its own
        held.process(state, buffer, new Batches().step(1101, 3, I).batch("B", 0, false), null);

        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void shouldRejectABatchOfAnEarlierTestWithoutReopeningItOrClosingTheCurrentOne() {
        direct.process(state, buffer, new Batches().step(0, 101, I).batch("A", 0, false), null);
        direct.process(state, buffer, new Batches().step(200, 50, I).batch("B", 0, false), null);

        // a replayed batch of test A, sequence beyond A's last: only its time shows it is older than test B
        final BatchOutcome out = direct.process(state, buffer, new Batches().step(101, 61, -I).batch("A", 1, false),
                null);

        assertThat(out.applied()).isFalse();
        assertThat(out.finishedTest()).isNull();
        assertThat(out.cycles().cycles()).isEmpty();
        assertThat(out.rejection().samples()).isEqualTo(61);
        assertThat(out.rejection().reason()).startsWith("batch of an earlier test: test A (sequence 1) ends at "
                + "161000 ms, before the newest sample (249000 ms) of the channel's current test B");
        assertThat(state.testId()).isEqualTo("B");
        assertThat(state.lastSequence()).isZero();
        assertThat(state.lastTimeMs()).isEqualTo(249_000);
    }

    @Test
    void shouldStillStartALaterTestAfterABatchOfAnEarlierOneWasRejected() {
        direct.process(state, buffer, new Batches().step(200, 50, I).batch("B", 3, false), null);
        direct.process(state, buffer, new Batches().step(0, 10, I).batch("A", 9, false), null);

        final BatchOutcome out = direct.process(state, buffer, new Batches().step(300, 5, I).batch("C", 0, false),
                null);

        assertThat(out.finishedTest().testId()).isEqualTo("B");
        assertThat(out.rejection()).isNull();
        assertThat(state.testId()).isEqualTo("C");
    }

    @Test
    void shouldRejectARepeatedSequenceNumberWithoutChangingTheState() {
        direct.process(state, buffer, new Batches().step(0, 50, I).batch("A", 4, false), null);
        final byte[] before = StateCodec.encode(state);

        final BatchOutcome out = direct.process(state, buffer, new Batches().step(50, 20, I).batch("A", 4, false),
                null);

        assertThat(out.applied()).isFalse();
        assertThat(out.accepted()).isZero();
        assertThat(out.rejection().samples()).isEqualTo(20);
        assertThat(out.rejection().reason()).isEqualTo(
                "duplicate batch: sequence 4 of test A was already processed (last 4)");
        assertThat(StateCodec.encode(state)).isEqualTo(before);
    }

    @Test
    void shouldRejectAnOlderSequenceNumberToo() {
        direct.process(state, buffer, new Batches().step(0, 50, I).batch("A", 4, false), null);

        final BatchOutcome out = direct.process(state, buffer, new Batches().step(50, 5, I).batch("A", 2, false), null);

        assertThat(out.applied()).isFalse();
        assertThat(state.lastSequence()).isEqualTo(4);
    }

    @Test
    void shouldCountSequenceNumbersAfreshInANewTest() {
        direct.process(state, buffer, new Batches().step(0, 50, I).batch("A", 9, false), null);

        final BatchOutcome out = direct.process(state, buffer, new Batches().step(60, 5, I).batch("B", 0, false), null);

        assertThat(out.applied()).isTrue();
        assertThat(out.accepted()).isEqualTo(5);
        assertThat(state.lastSequence()).isZero();
    }

    @Test
    void shouldRejectInvalidSamplesNamingTheFirstAndTakeTheRest() {
        direct.process(state, buffer, new Batches().step(0, 10, I).batch("A", 0, false), null);
        final Batches b = new Batches().sample(10_000, I, 3.6).sample(11_000, Double.NaN, 3.6)
                .sample(12_000, I, 3600).sample(13_000, I, 3.6);

        final BatchOutcome out = direct.process(state, buffer, b.batch("A", 1, false), null);

        assertThat(out.applied()).isTrue();
        assertThat(out.accepted()).isEqualTo(2);
        assertThat(out.rejection().samples()).isEqualTo(2);
        assertThat(out.rejection().reason()).startsWith("2 of 4 samples rejected; first: sample 1: non-finite reading");
        assertThat(state.lastTimeMs()).isEqualTo(13_000);
    }

    @Test
    void shouldRejectASampleOlderThanTheChannelsLastWithoutAGrace() {
        direct.process(state, buffer, new Batches().step(0, 10, I).batch("A", 0, false), null);

        final BatchOutcome out = direct.process(state, buffer, new Batches().sample(5_000, I, 3.6).batch("A", 1, false),
                null);

        assertThat(out.rejection().reason()).contains("out of order");
        assertThat(out.accepted()).isZero();
    }

    @Test
    void shouldTakeAnInTimeOrderBatchStraightIntoTheAssembler() {
        direct.process(state, buffer, oneCycle().batch("A", 0, false), null);

        assertThat(buffer.size()).isZero();
        assertThat(state.lastTimeMs()).isEqualTo(163_000);
    }

    @Test
    void shouldSortABatchOutOfTimeOrderThroughTheBufferWithTheSameCycles() {
        final Batches shuffled = new Batches().step(0, 101, I).step(121, 41, -I).step(101, 20, -I).step(162, 2, I);

        final BatchOutcome sorted = direct.process(state, buffer, shuffled.batch("A", 0, false), null);
        final CycleState inOrder = new CycleState();
        final BatchOutcome expected = direct.process(inOrder, new ReorderBuffer(), oneCycle().batch("A", 0, false),
                null);

        assertThat(sorted.rejection()).isNull();
        assertThat(sorted.cycles().cycles()).isEqualTo(expected.cycles().cycles());
        assertThat(buffer.size()).isZero();
    }

    @Test
    void shouldHoldSamplesForTheGraceAndPutLateOnesBackInOrder() {
        final ChannelSession held = new ChannelSession(CycleRules.DEFAULTS, 10_000);
        held.process(state, buffer, new Batches().step(0, 50, I).step(60, 10, I).batch("A", 0, false), null);
        assertThat(state.lastTimeMs()).isEqualTo(49_000);

        final BatchOutcome late = held.process(state, buffer, new Batches().step(50, 10, I).batch("A", 1, false), null);

        assertThat(late.rejection()).isNull();
        assertThat(buffer.size()).isEqualTo(10);
        assertThat(state.lastTimeMs()).isEqualTo(59_000);
    }

    @Test
    void shouldCloseEverythingAndEmptyTheBufferAtTheEndOfTheTest() {
        final ChannelSession held = new ChannelSession(CycleRules.DEFAULTS, 30_000);
        final Batches b = new Batches().step(0, 101, I).step(101, 61, -I);

        final BatchOutcome out = held.process(state, buffer, b.batch("A", 0, true), null);

        assertThat(buffer.size()).isZero();
        assertThat(out.cycles().cycles()).hasSize(1);
        assertThat(out.cycles().cycles().get(0).discharge().endReason()).isEqualTo(EndReason.INCOMPLETE);
        assertThat(out.cycles().cycles().get(0).discharge().endMs()).isEqualTo(161_000);
    }

    @Test
    void shouldApplyARegisteredCellOnlyToItsOwnTest() {
        final CellSpec cell = new CellSpec(CellKind.SYMMETRIC, 1.0, "LPSC", "Li", 1.0, 0.1, -0.5, 5.0, 100,
                CeDirection.DISCHARGE_OVER_CHARGE, null);

        final BatchOutcome other = direct.process(state, buffer, oneCycle().batch("A", 0, false),
                new CellAssignment("B", cell));
        final BatchOutcome own = direct.process(new CycleState(), new ReorderBuffer(), oneCycle().batch("B", 0, false),
                new CellAssignment("B", cell));

        assertThat(other.cycles().cell()).isNull();
        assertThat(other.cycles().cycles().get(0).cellKnown()).isFalse();
        assertThat(own.cycles().cell()).isEqualTo(cell);
        assertThat(own.cycles().cycles().get(0).cellKnown()).isTrue();
    }
}
