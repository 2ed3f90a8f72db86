package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The counter styles of {@link CycleCapacity}, on made-up counters whose per-cycle totals are known. */
class CycleCapacityTest {

    @Test
    void shouldSumHalfCycleCountersThatRestartWhenTheDirectionChanges() {
        final CycleCapacity c = CycleCapacity.perDrop();
        // charge 1.0, discharge 0.8 (Q charge back to 0), charge again 0.3 within the same cycle
        c.update(1, false, 0.5, 0);
        c.update(1, false, 1.0, 0);
        c.update(1, false, 0, 0.4);
        c.update(1, false, 0, 0.8);
        c.update(1, false, 0.3, 0);
        assertThat(c.charge()).isCloseTo(1.3, within(1e-12));
        assertThat(c.discharge()).isCloseTo(0.8, within(1e-12));
        // a new cycle starts from its own counts
        c.update(2, false, 0.2, 0);
        assertThat(c.charge()).isCloseTo(0.2, within(1e-12));
        assertThat(c.discharge()).isZero();
    }

    @Test
    void shouldNotCountTheOtherCounterTwiceWhenOnlyOneRestarts() {
        final CycleCapacity c = CycleCapacity.perDrop();
        // an instrument that keeps Q discharge at its last value through the next charge's restart
        c.update(1, false, 1.0, 0);
        c.update(1, false, 1.0, 0.8);
        c.update(1, false, 0.1, 0.8);
        assertThat(c.charge()).isCloseTo(1.1, within(1e-12));
        assertThat(c.discharge()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void shouldNeverRunBackOnRoundingOfRunningTotals() {
        final CycleCapacity c = CycleCapacity.perTest();
        c.update(1, false, 5.0, 2.0);
        c.update(2, false, 5.25, 2.0);
        c.update(2, false, 5.25 - 1e-15, 2.0);
        assertThat(c.charge()).isCloseTo(0.25, within(1e-12));
        assertThat(c.charge()).isGreaterThanOrEqualTo(0.25);
        assertThat(c.discharge()).isZero();
    }
}
