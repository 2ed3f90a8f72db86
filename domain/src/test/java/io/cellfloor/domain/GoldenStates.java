package io.cellfloor.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Realistic channel states at awkward moments (mid-half with an excursion in progress, mid-rest with a half pending,
 * after cycles with events, mid-protocol, with no cell, a reorder buffer holding samples), built by running a
 * synthetic trace through the assembler and cutting it at a sample. The golden files under
 * {@code src/test/resources/golden} hold the bytes each state had in the store format of the version-2 code and what
 * continuing from it emitted; {@link GoldenStateBytesTest} checks today's code against them.
 */
final class GoldenStates {
    /** Q_T = 0.5 mAh, Q_C = 0.1 mAh, n = 5, as in {@link AverageCeTest}. */
    static final CellSpec PROTOCOL_CELL = AverageCeTest.CELL;

    /** One state: a trace, where it is cut, and the cell it runs under (null: none registered). */
    record Case(String name, List<double[]> samples, int cut, CellSpec cell) {
        List<double[]> before() {
            return samples.subList(0, cut);
        }

        List<double[]> after() {
            return samples.subList(cut, samples.size());
        }
    }

    private static final Pattern EVIDENCE = Pattern.compile("evidence=\\{([^}]*)\\}");

    private GoldenStates() {
    }

    static List<Case> cases() {
        final List<double[]> story = story();
        final List<double[]> protocol = protocol();
        final List<Case> out = new ArrayList<>();
        out.add(new Case("mid-half-excursion", story, at(story, STORY_DROP_MS), LiCell.SPEC));
        out.add(new Case("mid-rest-pending", story, at(story, STORY_REST_AFTER_PLATING_MS), LiCell.SPEC));
        out.add(new Case("mid-rest-after-strip", story, at(story, STORY_REST_AFTER_STRIP_MS), LiCell.SPEC));
        out.add(new Case("after-cycles-with-events", story, at(story, STORY_LATE_MS), LiCell.SPEC));
        out.add(new Case("no-cell", story, at(story, STORY_DROP_MS), null));
        out.add(new Case("mid-protocol", protocol, protocol.size() / 2, PROTOCOL_CELL));
        return out;
    }

    /** Healthy cycles, a deep plating drop, a fluctuating plating, a leaking rest, healthy again. */
    private static final long STORY_DROP_MS;
    private static final long STORY_REST_AFTER_PLATING_MS;
    private static final long STORY_REST_AFTER_STRIP_MS;
    private static final long STORY_LATE_MS;
    private static final List<double[]> STORY = new ArrayList<>();

    static {
        final LiCell cell = new LiCell(record(STORY)).noise(0.0005);
        cell.healthy(4);
        final long dropCycle = cell.now();
        cell.cycle(s -> s.platingDrop(300, 120, 0.6));
        STORY_DROP_MS = dropCycle + 360_000;
        STORY_REST_AFTER_PLATING_MS = dropCycle + Math.round(LiCell.PLATING_S * 1000) + 60_000;
        cell.cycle(s -> s.platingFluctuation(0.5, 200, 400, 500));
        final long leakCycle = cell.now();
        cell.cycle(s -> s.leak = true);
        STORY_REST_AFTER_STRIP_MS = cell.now() - 40_000;
        cell.healthy(2);
        STORY_LATE_MS = cell.now() - 1;
        cell.cycle(s -> s.strippingDrop(100, 50, 0.7)).healthy(1);
        if (leakCycle <= dropCycle) {
            throw new IllegalStateException("the story runs backwards");
        }
    }

    private static List<double[]> story() {
        return STORY;
    }

    private static List<double[]> protocol() {
        final List<double[]> out = new ArrayList<>();
        final LiCell trace = new LiCell(record(out));
        final double i = PROTOCOL_CELL.nominalCurrentA();
        final double qc = 0.1 / 1000 / i * 3600;
        trace.step(-i, 0.5 / 1000 / i * 3600, s -> -0.05).rest(60, -0.03, 0, 10);
        for (int k = 0; k < 5; k++) {
            trace.step(i, qc, s -> 0.05).rest(60, 0.03, 0, 10);
            trace.step(-i, qc, s -> -0.05).rest(60, -0.03, 0, 10);
        }
        final double last = 0.45 / 1000 / i * 3600;
        trace.step(i, last, s -> 0.05 + 1.45 * Math.exp(-(last - s) / 5)).rest(60, 1.3, 1.2, 100);
        return out;
    }

    private static LiCell.Feed record(final List<double[]> into) {
        return (t, i, v) -> into.add(new double[] {t, i, v});
    }

    /** Index of the first sample at or after {@code timeMs}. */
    private static int at(final List<double[]> samples, final long timeMs) {
        for (int k = 0; k < samples.size(); k++) {
            if (samples.get(k)[0] >= timeMs) {
                return k;
            }
        }
        throw new IllegalArgumentException("no sample at or after " + timeMs);
    }

    /** Feeds samples as a store-backed processor would: each one checked, then accepted. */
    static void feed(final CycleAssembler a, final List<double[]> samples) {
        for (final double[] s : samples) {
            final long t = (long) s[0];
            if (a.check(t, s[1], s[2]) == null) {
                a.accept(t, s[1], s[2], Sample.NO_INDEX, null);
            }
        }
    }

    /** What a state must decode to, as far as its public face shows, one line. */
    static String describe(final CycleState s) {
        return "testId=" + s.testId() + " lastSequence=" + s.lastSequence() + " cyclesEmitted=" + s.cyclesEmitted()
                + " lastTimeMs=" + s.lastTimeMs() + " stage=" + s.stage();
    }

    /** The reorder buffer's golden content: samples offered out of order, some released. */
    static void fillBuffer(final Consumer<double[]> offer) {
        final long t0 = 1_767_225_600_000L;
        final double[][] samples = {
            {t0 + 4000, 0.001, 0.05, 3, 2}, {t0 + 1000, 0.001, 0.049, 3, 2}, {t0 + 3000, 0.001, 0.051, 3, 2},
            {t0 + 3000, 0.0, 0.04, 4, 0}, {t0 + 9000, -0.001, -0.05, 4, 1}, {t0 + 7000, -0.001, -0.048, 4, 1},
        };
        for (final double[] s : samples) {
            offer.accept(s);
        }
    }

    /** A cycle as text, its events' evidence in key order (the maps themselves iterate in no fixed order). */
    /** A rendered cycle without what version 3 added to half-cycles and cycles: as the version-2 files hold it. */
    static String withoutVersion3Fields(final String rendered) {
        return rendered.replaceAll(", coulombAh=[^,]*, instrumentAh=[^,]*, steps=[^,]*, restMs=[0-9]*", "")
                .replaceAll(", protocol=[A-Z_]*, boundaries=[A-Z]*, capacityMismatch=(true|false)\\]$", "]");
    }

    static String render(final Cycle cycle) {
        final Matcher m = EVIDENCE.matcher(cycle.toString());
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            final String sorted = Arrays.stream(m.group(1).split(", ")).sorted().collect(Collectors.joining(", "));
            m.appendReplacement(out, Matcher.quoteReplacement("evidence={" + sorted + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] unhex(final String hex) {
        return HexFormat.of().parseHex(hex.strip());
    }
}
