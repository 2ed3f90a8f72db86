package io.cellfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The side-by-side summary reports what the benchmark section quotes: per-pass ratios, warm passes only. */
class SideBySideTest {

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(SideBySide.median(0.61, 0.48, 0.52)).isEqualTo(0.52);
        assertThat(SideBySide.median(4.0, 1.0, 3.0, 2.0)).isEqualTo(2.5);
    }

    @Test
    void shouldReportTheMedianOfPerPassRatiosOverWarmPassesOnly() {
        final SideBySide sideBySide = new SideBySide();
        sideBySide.add(1, true, new Rates(1e6, 1e6, 1e6), new Rates(8e6, 8e6, 8e6));
        final String pass2 = sideBySide.add(2, false, new Rates(5e6, 4e6, 2e6), new Rates(20e6, 10e6, 10e6));
        sideBySide.add(3, true, new Rates(6e6, 5e6, 2e6), new Rates(12e6, 10e6, 10e6));
        sideBySide.add(4, false, new Rates(9e6, 6e6, 3e6), new Rates(30e6, 20e6, 20e6));

        assertThat(pass2).contains("pass 2 (trivial first)").contains("0.250 processed, 0.400 committed");
        // committed: the median of the per-pass ratios 0.4, 0.5, 0.3, not the ratio of the medians (5 / 10 = 0.5)
        assertThat(sideBySide.warmSummary()).contains("medians of 3 warm passes")
                .contains("full system 6.00 M processed").contains("trivial 20.00 M processed")
                .contains("per pass 0.300 processed, 0.400 committed");
    }
}
