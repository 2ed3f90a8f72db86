package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Everything detection remembers goes through the state store: resuming from bytes changes nothing. */
class DetectionStateTest {

    /** Feeds samples to a fresh assembler over a state decoded from the last one's bytes every {@code every} samples. */
    private static final class Restarting implements LiCell.Feed {
        private final List<Cycle> cycles = new ArrayList<>();
        private final int every;
        private byte[] stored = StateCodec.encode(new CycleState());
        private int maxBytes;
        private int n;
        private CycleState state = StateCodec.decodeCycleState(stored);

        Restarting(final int every) {
            this.every = every;
        }

        @Override
        public void accept(final long t, final double i, final double v) {
            if (n++ % every == 0) {
                stored = StateCodec.encode(state);
                maxBytes = Math.max(maxBytes, stored.length);
                state = StateCodec.decodeCycleState(stored);
            }
            new CycleAssembler(CycleRules.DEFAULTS, LiCell.SPEC, state, cycles::add).accept(t, i, v, Sample.NO_INDEX,
                    null);
        }
    }

    private static final Consumer<LiCell> STORY = c -> c.noise(0.0003).healthy(4)
            .cycle(s -> s.platingDrop(300, 90, 0.85)).cycle(s -> s.leak = true)
            .cycle(s -> s.platingFluctuation(0.6, 150, 330, 500)).cycle(s -> s.ce = 140).healthy(1)
            .cycle(s -> { s.platingDrop(400, 10_000, 0); s.shortOhm = 12; }).cycle(s -> s.shortOhm = 12);

    @Test
    void shouldDetectExactlyTheSameWhenTheStateIsStoredAndRestoredAfterEverySample() {
        final Detected continuous = new Detected();
        STORY.accept(new LiCell(continuous.assembler(LiCell.SPEC)));
        final Restarting restarting = new Restarting(1);
        STORY.accept(new LiCell(restarting));

        assertThat(continuous.events()).extracting(BreakdownEvent::type).contains(BreakdownType.VOLTAGE_DROP,
                BreakdownType.REST_VOLTAGE_COLLAPSE, BreakdownType.VOLTAGE_FLUCTUATION, BreakdownType.CE_JUMP,
                BreakdownType.HARD_SHORT);
        assertThat(restarting.cycles).isEqualTo(continuous.cycles);
    }

    @Test
    void shouldKeepAChannelsStateToAFewHundredBytes() {
        final Restarting restarting = new Restarting(37);
        STORY.accept(new LiCell(restarting));

        assertThat(restarting.maxBytes).isLessThan(1_000); // 956 at its largest: an open half and a pending one, the drift sums (70)
    }

    @Test
    void shouldEncodeAFreshStateCompactly() {
        assertThat(StateCodec.encode(new CycleState()).length).isLessThan(230); // 211: version 3 adds the counters, 4 the severities and flags of issue 13, 5 a flag
    }

    @Test
    void shouldResumeFromAStateWrittenBeforeDetectionExisted() {
        final ByteBuffer b = ByteBuffer.allocate(256);
        final byte[] test = "t-1".getBytes(StandardCharsets.UTF_8);
        b.put((byte) 1).putInt(test.length).put(test).putLong(41).putInt(3).put((byte) 0);
        b.putLong(10_000_000L).putDouble(-LiCell.I).putDouble(-0.05);
        b.put((byte) (Direction.DISCHARGE.ordinal() + 1)).putLong(9_800_000L).putInt(Sample.NO_INDEX)
                .putDouble(LiCell.I * 200).putInt(20).putInt(0).putLong(0);
        b.put((byte) 0);
        final CycleState restored = StateCodec.decodeCycleState(java.util.Arrays.copyOf(b.array(), b.position()));
        final List<Cycle> cycles = new ArrayList<>();
        final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, LiCell.SPEC, restored, cycles::add);
        a.accept(10_010_000L, -LiCell.I, -0.05, Sample.NO_INDEX, null);
        a.accept(10_020_000L, LiCell.I, 0.05, Sample.NO_INDEX, null);
        a.accept(10_030_000L, 0, 1.4, Sample.NO_INDEX, null);

        assertThat(restored.lastSequence()).isEqualTo(41);
        assertThat(cycles).singleElement().satisfies(c -> {
            assertThat(c.cycleNumber()).isEqualTo(4);
            assertThat(c.stage()).isEqualTo(CellStage.STABLE);
        });
    }
}
