package io.cellfloor.sim;

import io.cellfloor.domain.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sink that keeps what the floor tells it without holding every sample: per channel the count, the last sample,
 * and the trapezoidal capacity of each run of same-signed current (a half-cycle, as a consumer would cut it).
 */
final class RecordingSink implements FloorSink {
    final Map<String, List<Double>> halfCapacitiesAh = new LinkedHashMap<>();
    final Map<String, Sample> lastSample = new LinkedHashMap<>();
    final Set<String> ended = new LinkedHashSet<>();
    final List<String> violations = new ArrayList<>();
    long samples;
    long pollSamples;

    @Override
    public void accept(final String channelId, final Sample sample) {
        samples++;
        pollSamples++;
        if (ended.contains(channelId)) {
            violations.add(channelId + " sent a sample after endOfTest");
        }
        final Sample previous = lastSample.put(channelId, sample);
        final List<Double> halves = halfCapacitiesAh.computeIfAbsent(channelId, k -> new ArrayList<>());
        if (previous != null && previous.timeMs() >= sample.timeMs()) {
            violations.add(channelId + " went back in time at " + sample.timeMs());
        }
        final int sign = (int) Math.signum(sample.currentA());
        if (sign == 0) {
            return;
        }
        if (previous == null || (int) Math.signum(previous.currentA()) != sign) {
            halves.add(0.0);
            return;
        }
        final double segment = 0.5 * (Math.abs(previous.currentA()) + Math.abs(sample.currentA()))
                * (sample.timeMs() - previous.timeMs()) / 3_600_000.0;
        halves.set(halves.size() - 1, halves.get(halves.size() - 1) + segment);
    }

    @Override
    public void endOfTest(final String channelId) {
        if (!ended.add(channelId)) {
            violations.add(channelId + " ended twice");
        }
    }

    long takePollCount() {
        final long n = pollSamples;
        pollSamples = 0;
        return n;
    }
}
