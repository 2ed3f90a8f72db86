package io.cellfloor.sim;

import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines one simulated channel: the same config and seed give the same samples and the same
 * ground truth. Build with {@link #builder(CellSpec)}; unset parts default to the cell's typical behaviour.
 *
 * @param cycles number of cycles to run before the test ends
 */
public record SimulatorConfig(
        CellSpec spec,
        long seed,
        int cycles,
        CeTrajectory ce,
        CellModel model,
        SamplingConfig sampling,
        List<Injection> injections) {

    public SimulatorConfig {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(ce, "ce");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampling, "sampling");
        injections = List.copyOf(injections);
        if (cycles < 1) {
            throw new IllegalArgumentException("a simulated test needs at least one cycle, got " + cycles);
        }
        if (!(spec.currentDensityMAcm2() > 0) || !(spec.arealCapacityMAhCm2() > 0)) {
            throw new IllegalArgumentException("the simulator needs current density and areal capacity > 0, got "
                    + spec.currentDensityMAcm2() + " mA/cm2 and " + spec.arealCapacityMAhCm2() + " mAh/cm2");
        }
        for (final Injection injection : injections) {
            if (spec.kind() == CellKind.SYMMETRIC && injection instanceof Injection.Leakage) {
                throw new IllegalArgumentException("a symmetric cell's halves are time-limited, so its CE cannot show"
                        + " a leakage; inject a SoftShort or Fluctuation instead: " + injection);
            }
        }
    }

    public static Builder builder(final CellSpec spec) {
        return new Builder(spec);
    }

    /** A copy with another seed (the floor derives one per channel). */
    public SimulatorConfig withSeed(final long newSeed) {
        return new SimulatorConfig(spec, newSeed, cycles, ce, model, sampling, injections);
    }

    /** Fluent construction with typical defaults for the cell. */
    public static final class Builder {
        private final CellSpec spec;
        private long seed = 1L;
        private int cycles = 10;
        private CeTrajectory ce;
        private CellModel model;
        private SamplingConfig sampling = SamplingConfig.typical();
        private final List<Injection> injections = new ArrayList<>();

        private Builder(final CellSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        public Builder seed(final long value) {
            this.seed = value;
            return this;
        }

        public Builder cycles(final int value) {
            this.cycles = value;
            return this;
        }

        public Builder ce(final CeTrajectory value) {
            this.ce = value;
            return this;
        }

        public Builder model(final CellModel value) {
            this.model = value;
            return this;
        }

        public Builder sampling(final SamplingConfig value) {
            this.sampling = value;
            return this;
        }

        public Builder inject(final Injection... values) {
            injections.addAll(List.of(values));
            return this;
        }

        public Builder inject(final List<? extends Injection> values) {
            injections.addAll(values);
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(spec, seed, cycles, ce == null ? CeTrajectory.typical(spec) : ce,
                    model == null ? CellModel.typical(spec) : model, sampling, injections);
        }
    }
}
