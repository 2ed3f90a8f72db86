package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import java.util.Objects;

/** Argument checks shared by the {@link Injection} records, with messages a person can act on. */
final class InjectionChecks {
    private InjectionChecks() {
    }

    static void cycle(final int cycle) {
        if (cycle < 1) {
            throw new IllegalArgumentException("cycles are numbered from 1, got " + cycle);
        }
    }

    static void half(final Direction half) {
        Objects.requireNonNull(half, "half");
        if (half == Direction.REST) {
            throw new IllegalArgumentException("name a half-cycle by CHARGE or DISCHARGE, not REST");
        }
    }

    static void fraction(final double value, final String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + value);
        }
    }
}
