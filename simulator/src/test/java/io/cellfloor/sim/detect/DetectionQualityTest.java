package io.cellfloor.sim.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.DetectionRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detection-quality goals on the labelled suite (seed 2025, three draws of every combination, plus a generated
 * floor): precision and recall of breakdown cycles at least 0.98, the first visible breakdown of every channel found
 * in its own cycle, no alarm at all on a channel whose only oddities are confounders.
 */
class DetectionQualityTest {

    @Test
    void shouldMeetTheDetectionQualityGoalsOnTheLabelledSuite() {
        final List<Scenario> suite = new ArrayList<>(ScenarioSuite.generate(2025, 3));
        suite.addAll(DetectionQuality.floor(2025, 20, 24));
        final List<ChannelScore> scores = DetectionQuality.score(suite, DetectionRules.DEFAULTS);
        DetectionQuality.report(scores);
        final DetectionQuality.Summary s = DetectionQuality.summarise(scores);

        assertThat(s.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(s.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(s.visibleRecall()).isGreaterThanOrEqualTo(0.98);
        assertThat(s.foundInItsCycle()).isGreaterThanOrEqualTo(0.98);
        assertThat(s.foundEarly()).isZero();
        assertThat(s.confounderAlarms()).isZero();
        assertThat(s.stageAgreement()).isGreaterThanOrEqualTo(0.98);
    }
}
