package io.cellfloor.streams.topology;

import io.cellfloor.domain.CycleRules;
import java.time.Duration;

/**
 * What the topology's behaviour depends on, apart from its serdes.
 *
 * @param sampleGrace how long (in sample time) samples are held so that ones arriving out of order within it are
 *                    put back in order; older ones are dead-lettered as late. 0 only sorts each batch.
 * @param windowGrace how late (in event time) a breakdown event may arrive and still count in its window. A day
 *                    by default: channels on one partition can be hours apart in sample time (a backfill, a
 *                    replay, a station catching up after an outage), and windows are updated continuously, so a
 *                    long grace costs only the memory of open windows. Events later still are dropped by Kafka
 *                    Streams and counted in its {@code dropped-records} metric.
 */
public record TopologySettings(CycleRules rules, Duration sampleGrace, Duration windowGrace) {
    public static final TopologySettings DEFAULTS = new TopologySettings(CycleRules.DEFAULTS, Duration.ZERO,
            Duration.ofHours(24));
}
