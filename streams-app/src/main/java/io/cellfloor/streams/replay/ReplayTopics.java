package io.cellfloor.streams.replay;

import io.cellfloor.schema.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The versioned output topics of one replay: {@code cellfloor.replay.<suffix>.cycles.v1} and so on, one for each live
 * output. Live topics are never written, so a data engineer can try detector settings next to production.
 */
public final class ReplayTopics {
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** The live outputs of the topology that a replay redirects. */
    public static final List<String> LIVE_OUTPUTS = List.of(Topics.CYCLES, Topics.BREAKDOWN_EVENTS,
            Topics.STAGE_CHANGES, Topics.CHANNEL_STATUS, Topics.ALERTS, Topics.DEAD_LETTER);

    private ReplayTopics() {
    }

    /** The replay's topics, partitioned like the samples so channels keep their order; channel status compacted. */
    public static List<NewTopic> newTopics(final String suffix, final int partitions) {
        return forSuffix(suffix).entrySet().stream().map(e -> {
            final NewTopic t = new NewTopic(e.getValue(), java.util.Optional.of(partitions), java.util.Optional.empty());
            return e.getKey().equals(Topics.CHANNEL_STATUS) ? t.configs(Map.of("cleanup.policy", "compact")) : t;
        }).toList();
    }

    /** Live topic name to replay topic name. */
    public static Map<String, String> forSuffix(final String suffix) {
        if (!SUFFIX.matcher(suffix).matches()) {
            throw new IllegalArgumentException("--suffix must be lower-case letters, digits and '-', starting with a"
                    + " letter or digit (e.g. gap-600s-v2), got '" + suffix + "'");
        }
        final Map<String, String> out = new LinkedHashMap<>();
        for (final String live : LIVE_OUTPUTS) {
            out.put(live, "cellfloor.replay." + suffix + "." + live.substring("cellfloor.".length()));
        }
        return out;
    }
}
