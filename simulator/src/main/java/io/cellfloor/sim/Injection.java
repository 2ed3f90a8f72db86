package io.cellfloor.sim;

import io.cellfloor.domain.Direction;

/**
 * Something to put into one channel's data at a given cycle. Each one becomes an {@link InjectedEvent} in the
 * ground truth when it happens. Half-cycles are named by current direction: DISCHARGE is plating in a Li/CC cell
 * (and the first half of a symmetric cell), CHARGE is stripping (and a full cell's first half).
 */
public sealed interface Injection {

    /** The 1-based cycle the injection takes effect in. */
    int cycle();

    /**
     * Soft-short voltage drop: from {@code atFraction} of the half-cycle |V| falls within seconds by {@code depth}
     * of the way to 0 V, stays for {@code durationMs}, then comes back (or stays until the half-cycle ends).
     */
    record SoftShort(int cycle, Direction half, double atFraction, long durationMs, double depth, boolean recovers)
            implements Injection {
        public SoftShort {
            InjectionChecks.cycle(cycle);
            InjectionChecks.half(half);
            InjectionChecks.fraction(atFraction, "atFraction");
            InjectionChecks.fraction(depth, "depth");
            if (durationMs < 1) {
                throw new IllegalArgumentException("soft-short duration must be >= 1 ms, got " + durationMs);
            }
        }
    }

    /**
     * A leakage path during the cycle's charge-passing half: stripping (Li/CC) or charging (full cell) needs extra
     * charge, so the cycle's CE becomes {@code cePct} (above 100 % for a Li/CC cell when the leak is large; use
     * {@code Double.POSITIVE_INFINITY} for a leak so large the strip never reaches the cut-off and ends on its time
     * limit). The rest after it loses its open-circuit voltage. Not applicable to symmetric cells, whose halves are
     * time-limited and always give 100 %.
     */
    record Leakage(int cycle, double cePct) implements Injection {
        public Leakage {
            InjectionChecks.cycle(cycle);
            if (!(cePct > 0)) {
                throw new IllegalArgumentException("leakage CE must be > 0 %, got " + cePct);
            }
        }
    }

    /** {@code count} irregular brief excursions of |V| towards 0 V (each up to {@code depth}) in one half-cycle. */
    record Fluctuation(int cycle, Direction half, int count, double depth) implements Injection {
        public Fluctuation {
            InjectionChecks.cycle(cycle);
            InjectionChecks.half(half);
            InjectionChecks.fraction(depth, "depth");
            if (count < 1) {
                throw new IllegalArgumentException("a fluctuation needs at least one excursion, got " + count);
            }
        }
    }

    /**
     * Hard short from {@code atFraction} of the cycle's first half on, for good: V = I x R_short, the cell never
     * reaches a charge cut-off again.
     */
    record HardShort(int cycle, double atFraction, double resistanceOhm) implements Injection {
        public HardShort {
            InjectionChecks.cycle(cycle);
            InjectionChecks.fraction(atFraction, "atFraction");
            if (!(resistanceOhm >= 0)) {
                throw new IllegalArgumentException("short resistance must be >= 0 ohm, got " + resistanceOhm);
            }
        }
    }

    /** Confounder: the first cycle's CE is set by interphase formation (LGPS 1.39 %) or alloying (Au 100.76 %). */
    record FirstCycleCe(double cePct) implements Injection {
        public FirstCycleCe {
            if (!(cePct > 0)) {
                throw new IllegalArgumentException("first-cycle CE must be > 0 %, got " + cePct);
            }
        }

        @Override
        public int cycle() {
            return 1;
        }
    }

    /** Confounder: the protocol multiplies the current by {@code factor} from this cycle on (capacity unchanged). */
    record CurrentChange(int cycle, double factor) implements Injection {
        public CurrentChange {
            InjectionChecks.cycle(cycle);
            if (!(factor > 0)) {
                throw new IllegalArgumentException("current factor must be > 0, got " + factor);
            }
        }
    }

    /** Confounder: nothing is logged for {@code durationMs} from {@code atFraction} of the half-cycle on. */
    record LoggingGap(int cycle, Direction half, double atFraction, long durationMs) implements Injection {
        public LoggingGap {
            InjectionChecks.cycle(cycle);
            InjectionChecks.half(half);
            InjectionChecks.fraction(atFraction, "atFraction");
            if (durationMs < 1) {
                throw new IllegalArgumentException("logging gap must be >= 1 ms, got " + durationMs);
            }
        }
    }
}
