package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EarlyReferenceTest {
    private final EarlyReference early = new EarlyReference();

    @Test
    void shouldKeepTheLowestOfTheFirstHalvesAndIgnoreLaterOnes() {
        early.learn(Direction.DISCHARGE, 0.120, 1e-3, 0.1); // 120 ohm: an odd first half
        early.learn(Direction.DISCHARGE, 0.100, 1e-3, 0.1);
        early.learn(Direction.DISCHARGE, 0.105, 1e-3, 0.1);
        early.learn(Direction.DISCHARGE, 0.030, 1e-3, 0.1); // a gradual short, later: not the reference

        assertThat(early.ohm(Direction.DISCHARGE, 1e-3, 0.1)).isCloseTo(100.0, within(1e-9));
        assertThat(early.ohm(Direction.CHARGE, 1e-3, 0.1)).isNaN();
    }

    @Test
    void shouldOnlyCompareAtTheCurrentItWasLearntAt() {
        early.learn(Direction.CHARGE, 0.100, 1e-3, 0.1);
        early.learn(Direction.CHARGE, 0.150, 2e-3, 0.1); // another current level: not folded in

        assertThat(early.ohm(Direction.CHARGE, 1.05e-3, 0.1)).isCloseTo(100.0, within(1e-9));
        assertThat(early.ohm(Direction.CHARGE, 2e-3, 0.1)).isNaN();
    }
}
