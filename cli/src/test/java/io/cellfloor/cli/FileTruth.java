package io.cellfloor.cli;

import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.format.ReaderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real cycler file itself says per cycle, read straight from its reader: the instrument's charge and
 * discharge summed per cycle index by the rule on {@link Sample} (increments from 0, a drop a restart), which is
 * the rule of cellpy, BEEP, NewareNDA and the NREL summaries, and whether any current flowed in the cycle.
 */
record FileTruth(Map<Integer, Cycle> cycles) {

    /** One cycler cycle of the file. */
    record Cycle(int index, double chargeAh, double dischargeAh, boolean current) {
    }

    static FileTruth read(final Path file, final ReaderOptions options) throws Exception {
        final List<Sample> samples = new ArrayList<>();
        try (FileSource source = new FileSource(file, "truth", null, options, r -> { })) {
            final SampleSink sink = new SampleSink() {
                @Override
                public void accept(final String channelId, final Sample sample) {
                    samples.add(sample);
                }

                @Override
                public void endOfTest(final String channelId) {
                }
            };
            while (source.poll(sink)) {
                // reads the whole file
            }
        }
        final Map<Integer, Cycle> cycles = new LinkedHashMap<>();
        final double deadBand = CycleRules.DEFAULTS.deadBandA(null);
        int cycle = Integer.MIN_VALUE;
        double lastCharge = 0;
        double lastDischarge = 0;
        for (final Sample s : samples) {
            if (s.cycleIndex() != cycle) {
                cycle = s.cycleIndex();
                lastCharge = 0;
                lastDischarge = 0;
            }
            final double dc = increment(s.chargeAh(), lastCharge);
            final double dd = increment(s.dischargeAh(), lastDischarge);
            lastCharge = Double.isNaN(s.chargeAh()) ? lastCharge : s.chargeAh();
            lastDischarge = Double.isNaN(s.dischargeAh()) ? lastDischarge : s.dischargeAh();
            final Direction d = s.stepType() != null ? s.stepType() : Direction.of(s.currentA(), deadBand);
            final Cycle before = cycles.getOrDefault(cycle, new Cycle(cycle, 0, 0, false));
            cycles.put(cycle, new Cycle(cycle, before.chargeAh() + dc, before.dischargeAh() + dd,
                    before.current() || d != Direction.REST));
        }
        return new FileTruth(cycles);
    }

    /** The CE the file's own counters give, numerator over denominator as {@code chargeOverDischarge} says. */
    static double ce(final Cycle c, final boolean chargeOverDischarge) {
        return chargeOverDischarge ? 100 * c.chargeAh() / c.dischargeAh() : 100 * c.dischargeAh() / c.chargeAh();
    }

    private static double increment(final double v, final double last) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return v >= last ? v - last : v;
    }
}
