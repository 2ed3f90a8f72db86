package io.cellfloor.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void shouldShowPercentRateAndEta() {
        assertThat(Progress.format(250, 1000, Duration.ofSeconds(5)))
                .contains("25.0 %", "250/1,000 records", "50/s", "ETA 15s").contains("[########......................]");
    }

    @Test
    void shouldShowNoEtaWhenDone() {
        assertThat(Progress.format(1000, 1000, Duration.ofSeconds(5))).contains("100.0 %", "ETA -");
    }

    @Test
    void shouldRefuseASuffixThatCannotBeATopicName() {
        assertThatThrownBy(() -> ReplayTopics.forSuffix("My Test")).hasMessageContaining("--suffix");
        assertThat(ReplayTopics.forSuffix("gap-600s")).containsEntry("cellfloor.cycles.v1",
                "cellfloor.replay.gap-600s.cycles.v1");
    }
}
