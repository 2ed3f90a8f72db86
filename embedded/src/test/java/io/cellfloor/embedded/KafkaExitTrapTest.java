package io.cellfloor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaExitTrapTest {

    private final KafkaExitTrap trap = new KafkaExitTrap();

    @AfterEach
    void uninstall() {
        trap.uninstall();
    }

    @Test
    void shouldThrowAndRememberFirstExitInsteadOfExiting() {
        trap.install();

        assertThatThrownBy(() -> Exit.halt(1, "log dir failed"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("halt with status 1: log dir failed");
        assertThatThrownBy(() -> Exit.exit(2, "second fault")).isInstanceOf(IllegalStateException.class);

        assertThat(trap.firstCall()).hasValueSatisfying(call -> assertThat(call).contains("log dir failed"));
    }

    @Test
    void shouldReportNothingWhenKafkaNeverAskedToExit() {
        trap.install();

        assertThat(trap.firstCall()).isEmpty();
    }
}
