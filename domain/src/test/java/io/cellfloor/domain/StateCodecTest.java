package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The codec's versions: what it writes, and that it refuses bytes it cannot know. */
class StateCodecTest {
    @Test
    void shouldWriteTheCurrentVersionFirst() {
        assertThat(StateCodec.encode(new CycleState())[0]).isEqualTo(StateCodec.CYCLE_STATE_VERSION);
        assertThat(StateCodec.encode(new ReorderBuffer())[0]).isEqualTo(StateCodec.REORDER_BUFFER_VERSION);
    }

    @Test
    void shouldRefuseACycleStateFromANewerVersionNamingBoth() {
        final byte[] bytes = StateCodec.encode(new CycleState());
        bytes[0] = 7;

        assertThatThrownBy(() -> StateCodec.decodeCycleState(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown cycle-state format 7; expected 6 (or down to 1)");
    }

    @Test
    void shouldRefuseAnUnknownReorderBufferVersion() {
        final byte[] bytes = StateCodec.encode(new ReorderBuffer());
        bytes[0] = 0;

        assertThatThrownBy(() -> StateCodec.decodeReorderBuffer(bytes))
                .hasMessage("unknown reorder-buffer format 0; expected 2 (or down to 1)");
    }

    @Test
    void shouldKeepTheTestIdAndSequenceOfAFreshState() {
        final CycleState state = new CycleState();
        state.reset("tést-1");
        state.lastSequence(12);

        final CycleState restored = StateCodec.decodeCycleState(StateCodec.encode(state));

        assertThat(restored.testId()).isEqualTo("tést-1");
        assertThat(restored.lastSequence()).isEqualTo(12);
        assertThat(restored.lastTimeMs()).isEqualTo(Long.MIN_VALUE);
        assertThat(restored.stage()).isEqualTo(CellStage.STABLE);
    }
}
