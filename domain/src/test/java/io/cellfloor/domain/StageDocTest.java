package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stage rule as written (README, {@link StageMachine}'s Javadoc) and as coded in agreement: the paper's
 * phrases must be in both documents, and the behaviour each phrase names must be what the code does.
 */
class StageDocTest {
    private static final List<String> PAPER_PHRASES = List.of(
            "isolated breakdowns, the cell returns to normal cycles",
            "breakdowns persist in consecutive recent cycles with growing severity",
            "confirmed on two consecutive cycles or ohmic in both halves");
    private static final List<BreakdownEvent> DROP = List.of(new BreakdownEvent(BreakdownType.VOLTAGE_DROP, 9,
            Direction.DISCHARGE, 0, 1, 0.8, true, Map.of("depthFraction", 0.8)));

    @Test
    void shouldStateThePapersRuleInTheReadmeAndTheJavadoc() throws IOException {
        final String readme = Files.readString(Path.of("../README.md"));
        final String block = readme.substring(readme.indexOf("<!-- stage-rules -->"),
                readme.indexOf("<!-- /stage-rules -->"));
        final String javadoc = Files.readString(Path.of("src/main/java/io/cellfloor/domain/StageMachine.java"))
                .replaceAll("\\s*\\n\\s*\\*\\s*", " ");
        for (final String phrase : PAPER_PHRASES) {
            assertThat(block.replaceAll("\\s*\\n\\s*", " ")).as("README").contains(phrase);
            assertThat(javadoc).as("StageMachine Javadoc").contains(phrase);
        }
        assertThat(block).contains(StageRules.DEFAULTS.consecutiveCycles() + "\n  consecutive cycles",
                String.valueOf(1 - StageRules.DEFAULTS.severityTolerance()));
    }

    @Test
    void shouldKeepIsolatedBreakdownsRecoverableHoweverMany() {
        final int everyOtherCycle = 0b1010101010101;
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 13, everyOtherCycle, true, 1.0, 0, DROP,
                StageRules.DEFAULTS)).isNull();
    }

    @Test
    void shouldCallConsecutiveBreakdownsOfGrowingSeverityIrrecoverable() {
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b11, true, 0.8, 0.7, DROP, StageRules.DEFAULTS)
                .to()).isEqualTo(CellStage.IRRECOVERABLE);
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b11, true, 0.4, 0.8, DROP, StageRules.DEFAULTS))
                .isNull();
    }

    @Test
    void shouldLetOneCycleConfirmAHardShortOnlyWhenItIsOhmicInBothHalves() {
        final BreakdownEvent both = HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.5, 15, 100),
                Summaries.shorted(Direction.CHARGE, 1.0, 15, 200), EndReason.TIME, CellKind.ASYMMETRIC,
                VoltageRules.DEFAULTS);
        final BreakdownEvent oneHalf = HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.05, 15, 2),
                Summaries.shorted(Direction.CHARGE, 1.0, 15, 200), EndReason.TIME, CellKind.ASYMMETRIC,
                VoltageRules.DEFAULTS);

        assertThat(HardShortDetector.ohmicInBothHalves(both)).isTrue();
        assertThat(HardShortDetector.ohmicInBothHalves(oneHalf)).isFalse(); // waits for the next cycle
    }
}
