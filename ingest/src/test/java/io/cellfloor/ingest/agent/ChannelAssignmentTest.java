package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which channel and test a file goes to, from its name, the rules and how it came to be read. */
class ChannelAssignmentTest {
    private static final List<ChannelRule> RULES = List.of(
            new ChannelRule(Pattern.compile("cell_(\\d+)_.*\\.csv"), "st1-ch$1", null),
            new ChannelRule(Pattern.compile("cell_(\\d+)_.*\\..*"), "st1-other$1", null));

    @Test
    void shouldUseTheFileNameAsChannelAndTestWhenThereAreNoRules() {
        final ChannelAssignment a = ChannelAssignment.of("b07.csv", "b07", List.of(), null, false, 1_000);
        assertThat(a).isEqualTo(new ChannelAssignment("b07", "b07", null));
    }

    @Test
    void shouldTakeTheChannelFromTheFirstMatchingRule() {
        final ChannelAssignment a = ChannelAssignment.of("cell_12_run.csv", "cell_12_run", RULES, null, false, 0);
        assertThat(a.channelId()).isEqualTo("st1-ch12");
        assertThat(a.testId()).isEqualTo("cell_12_run");
    }

    @Test
    void shouldNotReadAFileNoRuleNames() {
        assertThat(ChannelAssignment.of("notes.txt", "notes", RULES, null, false, 0)).isNull();
    }

    @Test
    void shouldCarryTheRulesCellToTheChannel() {
        final CellSpec cell = new CellSpec(CellKind.SYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "Li", 1.0, 0.2, -1.0,
                1.0, 100, CeDirection.CHARGE_OVER_DISCHARGE, null);
        final List<ChannelRule> rules = List.of(new ChannelRule(Pattern.compile("a(\\d)\\.csv"), "ch$1", cell));
        assertThat(ChannelAssignment.of("a3.csv", "a3", rules, null, false, 0).cell()).isSameAs(cell);
    }

    @Test
    void shouldKeepTheCheckpointedTestWhenResuming() {
        final FileCheckpoint resume = new FileCheckpoint("/in/b07.csv", new FileIdentity("", 10, 10, "00"), 5,
                "b07", "b07~1700000000000", 3, 0, false);
        assertThat(ChannelAssignment.of("b07.csv", "b07", List.of(), resume, true, 42).testId())
                .isEqualTo("b07~1700000000000");
    }

    @Test
    void shouldNameARewrittenFilesTestAfterTheWallClock() {
        assertThat(ChannelAssignment.of("b07.csv", "b07", List.of(), null, true, 1_767_225_600_123L).testId())
                .isEqualTo("b07~1767225600123");
    }
}
