package io.cellfloor.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts for one channel or a sum of channels: cycles with a breakdown labelled and flagged, first breakdowns
 * found in their own cycle, stage agreement, confounder cycles with an event, CE errors on normal cycles, and
 * cycles the product split or did not report (matched by the cycler's cycle index).
 */
final class ChannelScore {
    int channels;
    int cycles;
    int truePositives;
    int falsePositives;
    int falseNegatives;
    int channelsWithBreakdown;
    int firstFoundInOwnCycle;
    int stageAgreements;
    int confounderCycles;
    int confounderCyclesWithEvent;
    int splitCycles;
    int missingCycles;
    final List<Double> ceErrors = new ArrayList<>();

    void add(final ChannelScore o) {
        channels += o.channels;
        cycles += o.cycles;
        truePositives += o.truePositives;
        falsePositives += o.falsePositives;
        falseNegatives += o.falseNegatives;
        channelsWithBreakdown += o.channelsWithBreakdown;
        firstFoundInOwnCycle += o.firstFoundInOwnCycle;
        stageAgreements += o.stageAgreements;
        confounderCycles += o.confounderCycles;
        confounderCyclesWithEvent += o.confounderCyclesWithEvent;
        splitCycles += o.splitCycles;
        missingCycles += o.missingCycles;
        ceErrors.addAll(o.ceErrors);
    }

    int breakdownCycles() {
        return truePositives + falseNegatives;
    }

    double precision() {
        return truePositives + falsePositives == 0 ? Double.NaN
                : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return breakdownCycles() == 0 ? Double.NaN : (double) truePositives / breakdownCycles();
    }

    double stageAgreement() {
        return cycles == 0 ? Double.NaN : (double) stageAgreements / cycles;
    }

    double medianCeError() {
        if (ceErrors.isEmpty()) {
            return Double.NaN;
        }
        final List<Double> sorted = ceErrors.stream().sorted().toList();
        final int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
