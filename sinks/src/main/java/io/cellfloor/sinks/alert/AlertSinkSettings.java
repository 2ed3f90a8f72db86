package io.cellfloor.sinks.alert;

import io.cellfloor.avro.AlertSeverity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alert sink's settings, parsed from a plain map (the {@code --config} properties file, with {@code KAFKA_*},
 * {@code SCHEMA_REGISTRY_URL} and {@code CELLFLOOR_*} from the environment on top). Receivers are
 * {@code receiver.<name>.type|url|routing-key}, routes {@code route.<name>.receivers|stations|electrolytes|
 * collectors|stages|min-severity}. Keys it does not know go to the Kafka clients untouched (security settings).
 */
public record AlertSinkSettings(
        String bootstrapServers,
        String registryUrl,
        String groupId,
        String undeliverableTopic,
        String dashboardUrl,
        int maxAttempts,
        Backoff backoff,
        int breakerThreshold,
        Duration breakerOpen,
        Duration httpTimeout,
        List<ReceiverSpec> receivers,
        List<Route> routes,
        Map<String, String> kafka,
        Map<String, String> registry) {

    public static final String UNDELIVERABLE_TOPIC = "cellfloor.alerts-undeliverable.v1";

    public AlertSinkSettings {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        kafka = Map.copyOf(kafka);
        registry = Map.copyOf(registry);
    }

    public static AlertSinkSettings parse(final Map<String, String> settings) {
        final Map<String, String> s = new TreeMap<>(settings);
        final List<ReceiverSpec> receivers = receivers(s);
        final Set<String> known = new TreeSet<>();
        receivers.forEach(r -> known.add(r.name()));
        final List<Route> routes = routes(s, known);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no route configured: add at least route.<name>.receivers=<receiver,...>"
                    + " (e.g. route.all.receivers=" + (known.isEmpty() ? "ops" : known.iterator().next()) + ")");
        }
        final Map<String, String> kafka = new TreeMap<>();
        final Map<String, String> registry = new TreeMap<>();
        s.forEach((k, v) -> {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("bearer.auth.")) {
                registry.put(k, v);
            } else if (!k.startsWith("cellfloor.") && !k.startsWith("receiver.") && !k.startsWith("route.")) {
                kafka.put(k, v);
            }
        });
        kafka.remove("group.id");
        return new AlertSinkSettings(
                required(s, "bootstrap.servers"),
                required(s, "schema.registry.url"),
                s.getOrDefault("cellfloor.alerts-group-id", "cellfloor-alerts"),
                s.getOrDefault("cellfloor.alerts-undeliverable-topic", UNDELIVERABLE_TOPIC),
                s.get("cellfloor.alerts-dashboard-url"),
                (int) number(s, "cellfloor.alerts-max-attempts", 8),
                new Backoff(Duration.ofMillis(number(s, "cellfloor.alerts-backoff-initial-ms", 1_000)),
                        Duration.ofMillis(number(s, "cellfloor.alerts-backoff-max-ms", 60_000))),
                (int) number(s, "cellfloor.alerts-breaker-threshold", 5),
                Duration.ofMillis(number(s, "cellfloor.alerts-breaker-open-ms", 30_000)),
                Duration.ofMillis(number(s, "cellfloor.alerts-http-timeout-ms", 10_000)),
                receivers, routes, kafka, registry);
    }

    /**
     * The longest one alert can take: every receiver spending its whole budget. The consumer's
     * {@code max.poll.interval.ms} must exceed this, or the group would evict a consumer that is only retrying.
     */
    public Duration worstCasePerAlert() {
        long perReceiver = 0;
        for (int a = 1; a <= maxAttempts; a++) {
            perReceiver += httpTimeout.toMillis() * 2 + (a < maxAttempts ? backoff.delay(a, null).toMillis() : 0);
        }
        return Duration.ofMillis(perReceiver * Math.max(1, receivers.size()));
    }

    private static List<ReceiverSpec> receivers(final Map<String, String> s) {
        final List<ReceiverSpec> out = new ArrayList<>();
        for (final String name : names(s, "receiver.")) {
            final String p = "receiver." + name + ".";
            out.add(new ReceiverSpec(name, ReceiverType.parse(required(s, p + "type"), name),
                    uri(required(s, p + "url"), p + "url"), s.get(p + "routing-key")));
        }
        return out;
    }

    private static List<Route> routes(final Map<String, String> s, final Set<String> known) {
        final List<Route> out = new ArrayList<>();
        for (final String name : names(s, "route.")) {
            final String p = "route." + name + ".";
            final List<String> receivers = List.copyOf(list(s.get(p + "receivers")));
            if (receivers.isEmpty()) {
                throw new IllegalArgumentException(p + "receivers is missing: name at least one of " + known);
            }
            for (final String r : receivers) {
                if (!known.contains(r)) {
                    throw new IllegalArgumentException(p + "receivers names '" + r + "', which is not configured;"
                            + " configured receivers: " + known + " (add receiver." + r + ".type and .url)");
                }
            }
            final Set<String> stages = new LinkedHashSet<>();
            list(s.get(p + "stages")).forEach(x -> stages.add(x.toUpperCase(Locale.ROOT).replace('-', '_')));
            out.add(new Route(name, list(s.get(p + "stations")), list(s.get(p + "electrolytes")),
                    list(s.get(p + "collectors")), stages, severity(s.getOrDefault(p + "min-severity", "INFO"), p),
                    receivers));
        }
        return out;
    }

    private static AlertSeverity severity(final String text, final String prefix) {
        try {
            return AlertSeverity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "min-severity is '" + text
                    + "'; use INFO, WARNING or CRITICAL", e);
        }
    }

    /** Names in config order is not available from a properties file, so routes and receivers sort by name. */
    private static Set<String> names(final Map<String, String> s, final String prefix) {
        final Set<String> names = new TreeSet<>();
        s.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> {
            final int dot = k.indexOf('.', prefix.length());
            if (dot > prefix.length()) {
                names.add(k.substring(prefix.length(), dot));
            }
        });
        return names;
    }

    private static Set<String> list(final String csv) {
        final Set<String> out = new LinkedHashSet<>();
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static URI uri(final String text, final String key) {
        try {
            final URI u = URI.create(text.trim());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException(key + " must be an http(s) URL, got '" + text + "'");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL: '" + text + "'", e);
        }
    }

    private static String required(final Map<String, String> s, final String key) {
        final String v = s.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing setting '" + key + "' in the alert sink config");
        }
        return v;
    }

    private static long number(final Map<String, String> s, final String key, final long fallback) {
        final String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
        }
    }
}
