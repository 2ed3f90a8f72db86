package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import java.util.ArrayList;
import java.util.List;

/** Looks up a channel's injections by cycle and half-cycle; a channel has a handful, so scans are fine. */
final class InjectionIndex {
    private final List<Injection> all;

    InjectionIndex(final List<Injection> all) {
        this.all = List.copyOf(all);
    }

    <T extends Injection> List<T> in(final int cycle, final Class<T> type) {
        final List<T> out = new ArrayList<>();
        for (final Injection injection : all) {
            if (injection.cycle() == cycle && type.isInstance(injection)) {
                out.add(type.cast(injection));
            }
        }
        return out;
    }

    <T extends Injection> T first(final int cycle, final Class<T> type) {
        final List<T> found = in(cycle, type);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Injection.SoftShort> softShorts(final int cycle, final Direction half) {
        final List<Injection.SoftShort> out = new ArrayList<>();
        for (final Injection.SoftShort s : in(cycle, Injection.SoftShort.class)) {
            if (s.half() == half) {
                out.add(s);
            }
        }
        return out;
    }

    List<Injection.Fluctuation> fluctuations(final int cycle, final Direction half) {
        final List<Injection.Fluctuation> out = new ArrayList<>();
        for (final Injection.Fluctuation f : in(cycle, Injection.Fluctuation.class)) {
            if (f.half() == half) {
                out.add(f);
            }
        }
        return out;
    }

    List<Injection.LoggingGap> gaps(final int cycle, final Direction half) {
        final List<Injection.LoggingGap> out = new ArrayList<>();
        for (final Injection.LoggingGap g : in(cycle, Injection.LoggingGap.class)) {
            if (g.half() == half) {
                out.add(g);
            }
        }
        return out;
    }

    /** The factor on the nominal current in force in {@code cycle}: the latest change at or before it. */
    double currentFactor(final int cycle) {
        double factor = 1.0;
        int latest = 0;
        for (final Injection injection : all) {
            if (injection instanceof Injection.CurrentChange change && change.cycle() <= cycle
                    && change.cycle() >= latest) {
                latest = change.cycle();
                factor = change.factor();
            }
        }
        return factor;
    }
}
