package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns the injections of one half-cycle into what the simulator needs: a voltage overlay (soft shorts,
 * fluctuations, a hard-short onset), the labelled events, and the windows in which the cycler logs nothing.
 */
final class HalfCycleDisturbances {
    private static final long SOFT_SHORT_ON_MS = 1_500L;
    private static final long SOFT_SHORT_OFF_MS = 4_000L;
    private static final long FLUCTUATION_ON_MS = 300L;
    private static final long FLUCTUATION_OFF_MS = 800L;
    private static final long HARD_SHORT_ON_MS = 500L;

    final Excursions overlay;
    final List<InjectedEvent> events;
    final List<long[]> gaps;
    /** The hard short that starts in this half-cycle, or null. */
    final InjectedEvent hardShortOnset;

    private HalfCycleDisturbances(final Excursions overlay, final List<InjectedEvent> events, final List<long[]> gaps,
            final InjectedEvent hardShortOnset) {
        this.overlay = overlay;
        this.events = events;
        this.gaps = gaps;
        this.hardShortOnset = hardShortOnset;
    }

    /**
     * @param mayShort whether a hard short of this cycle starts here (the cycle's first half, cell not yet shorted)
     * @param startMs absolute start of the half-cycle
     * @param fast receives the windows of fast voltage change the overlay creates
     */
    static HalfCycleDisturbances of(final InjectionIndex injections, final int cycle, final Direction half,
            final boolean mayShort, final long startMs, final long durationMs, final double currentA,
            final FastWindows fast, final SplittableRandom faults) {
        final Excursions.Builder overlay = new Excursions.Builder();
        final List<InjectedEvent> events = new ArrayList<>();
        final List<long[]> gaps = new ArrayList<>();
        for (final Injection.SoftShort s : injections.softShorts(cycle, half)) {
            final long onset = Math.round(s.atFraction() * durationMs);
            final long end = Math.min(durationMs, onset + s.durationMs());
            overlay.add(onset, end, s.depth(), 0.0, SOFT_SHORT_ON_MS, SOFT_SHORT_OFF_MS, s.recovers(), fast);
            final long eventEnd = s.recovers() ? Math.min(durationMs, end + 5 * SOFT_SHORT_OFF_MS) : durationMs;
            events.add(new InjectedEvent(EventType.SOFT_SHORT, cycle, half, startMs + onset,
                    startMs + Math.max(onset, eventEnd), s.recovers(), s.depth()));
        }
        for (final Injection.Fluctuation f : injections.fluctuations(cycle, half)) {
            events.add(fluctuation(cycle, half, f, startMs, durationMs, overlay, fast, faults));
        }
        InjectedEvent onsetEvent = null;
        final Injection.HardShort hard = injections.first(cycle, Injection.HardShort.class);
        if (mayShort && hard != null) {
            final long onset = Math.round(hard.atFraction() * durationMs);
            overlay.add(onset, durationMs, 1.0, currentA * hard.resistanceOhm(), HARD_SHORT_ON_MS, HARD_SHORT_ON_MS,
                    false, fast);
            onsetEvent = new InjectedEvent(EventType.HARD_SHORT, cycle, half, startMs + onset, startMs + onset,
                    false, hard.resistanceOhm());
        }
        for (final Injection.LoggingGap g : injections.gaps(cycle, half)) {
            final long from = startMs + Math.round(g.atFraction() * durationMs);
            gaps.add(new long[] {from, from + g.durationMs()});
            events.add(new InjectedEvent(EventType.LOGGING_GAP, cycle, half, from, from + g.durationMs(), true,
                    g.durationMs()));
        }
        return new HalfCycleDisturbances(overlay.build(), events, gaps, onsetEvent);
    }

    /** Excursions at random times, lengths and depths: "repeated irregular excursions under constant current". */
    private static InjectedEvent fluctuation(final int cycle, final Direction half, final Injection.Fluctuation f,
            final long startMs, final long durationMs, final Excursions.Builder overlay, final FastWindows fast,
            final SplittableRandom faults) {
        final long maxLength = Math.max(500L, Math.min(20_000L, durationMs / (4L * f.count())));
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int k = 0; k < f.count(); k++) {
            final long onset = (long) (durationMs * (0.05 + 0.85 * faults.nextDouble()));
            final long length = Math.min(maxLength, 2_000L + (long) (faults.nextDouble() * 18_000L));
            final double depth = f.depth() * (0.3 + 0.7 * faults.nextDouble());
            overlay.add(onset, onset + length, depth, 0.0, FLUCTUATION_ON_MS, FLUCTUATION_OFF_MS, true, fast);
            first = Math.min(first, onset);
            last = Math.max(last, onset + length + 5 * FLUCTUATION_OFF_MS);
        }
        return new InjectedEvent(EventType.FLUCTUATION, cycle, half, startMs + first,
                startMs + Math.max(first, Math.min(durationMs, last)), true, f.count());
    }
}
