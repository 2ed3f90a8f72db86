package io.cellfloor.streams.topology;

import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Adds a channel's status to its cohort's row, or takes it out again (the table is updated as each channel's
 * status changes: the old status is subtracted, the new one added). Pure functions over the Avro row.
 */
final class CohortAggregation {
    /** The cohort key of channels without a registered cell test. */
    static final String UNKNOWN_COHORT = "(no cell test)";

    private CohortAggregation() {
    }

    static String cohortOf(final ChannelStatus s) {
        return s.getCohort() == null ? UNKNOWN_COHORT : s.getCohort();
    }

    static CohortStats empty() {
        return CohortStats.newBuilder().setCohort("").setChannels(0).setStable(0).setRecoverable(0)
                .setIrrecoverable(0).setHardShort(0).setCyclesToFirstBreakdown(new ArrayList<>())
                .setHoursToFirstBreakdown(new ArrayList<>()).setInitialCeSum(0).setInitialCeCount(0)
                .setStableCeSum(0).setStableCeCount(0).setAverageCeSum(0).setAverageCeCount(0).build();
    }

    static CohortStats add(final String cohort, final ChannelStatus s, final CohortStats row) {
        return change(cohort, s, row, 1);
    }

    static CohortStats subtract(final String cohort, final ChannelStatus s, final CohortStats row) {
        return change(cohort, s, row, -1);
    }

    private static CohortStats change(final String cohort, final ChannelStatus s, final CohortStats row,
                                      final int sign) {
        row.setCohort(cohort);
        row.setChannels(row.getChannels() + sign);
        switch (s.getStage()) {
            case STABLE, UNKNOWN -> row.setStable(row.getStable() + sign);
            case RECOVERABLE -> row.setRecoverable(row.getRecoverable() + sign);
            case IRRECOVERABLE -> row.setIrrecoverable(row.getIrrecoverable() + sign);
            case HARD_SHORT -> row.setHardShort(row.getHardShort() + sign);
        }
        if (s.getCyclesToFirstBreakdown() != null) {
            row.setCyclesToFirstBreakdown(sorted(row.getCyclesToFirstBreakdown(), s.getCyclesToFirstBreakdown(), sign));
            row.setHoursToFirstBreakdown(sorted(row.getHoursToFirstBreakdown(), s.getHoursToFirstBreakdown(), sign));
        }
        if (s.getInitialCePercent() != null) {
            row.setInitialCeSum(row.getInitialCeSum() + sign * s.getInitialCePercent());
            row.setInitialCeCount(row.getInitialCeCount() + sign);
        }
        if (s.getStableCeCount() > 0) {
            row.setStableCeSum(row.getStableCeSum() + sign * s.getStableCeSum() / s.getStableCeCount());
            row.setStableCeCount(row.getStableCeCount() + sign);
        }
        if (s.getAverageCePercent() != null) {
            row.setAverageCeSum(row.getAverageCeSum() + sign * s.getAverageCePercent());
            row.setAverageCeCount(row.getAverageCeCount() + sign);
        }
        row.setMeanAverageCePercent(row.getAverageCeCount() == 0 ? null : row.getAverageCeSum() / row.getAverageCeCount());
        row.setMeanInitialCePercent(row.getInitialCeCount() == 0 ? null : row.getInitialCeSum() / row.getInitialCeCount());
        row.setMeanStableCePercent(row.getStableCeCount() == 0 ? null : row.getStableCeSum() / row.getStableCeCount());
        return row;
    }

    private static <T extends Comparable<T>> List<T> sorted(final List<T> values, final T value, final int sign) {
        final List<T> out = new ArrayList<>(values);
        if (sign > 0) {
            out.add(value);
            Collections.sort(out);
        } else {
            out.remove(value);
        }
        return out;
    }
}
