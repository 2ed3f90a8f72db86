package io.cellfloor.streams.topology;

import io.cellfloor.domain.CycleRules;
import java.time.Duration;

/**
 * What the topology's behaviour depends on, apart from its serdes.
 *
 * @param windowGrace how late (in event time) a breakdown event may arrive and still count in its window
 */
public record TopologySettings(CycleRules rules, Duration windowGrace) {
    public static final TopologySettings DEFAULTS = new TopologySettings(CycleRules.DEFAULTS, Duration.ofMinutes(10));
}
