package io.cellfloor.streams.query;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where the query API listens, the host it advertises to the other instances ({@code application.server}), and
 * the optional bearer token. Parsed from the app's settings map: {@code http.port} or {@code cellfloor.http-port}
 * (env {@code CELLFLOOR_HTTP_PORT}, default 8080, 0 picks a free port), {@code cellfloor.http-host} (0.0.0.0),
 * {@code cellfloor.advertised-host} (env {@code CELLFLOOR_ADVERTISED_HOST}; default this machine's name),
 * {@code api.token} or {@code cellfloor.api-token} (env {@code CELLFLOOR_API_TOKEN}; absent or blank: no auth).
 *
 * @param token null when the API is open
 */
public record QuerySettings(String bindHost, int port, String advertisedHost, String token) {
    public static final int DEFAULT_PORT = 8080;

    public QuerySettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the HTTP port must be 0 (any free port) to 65535, got " + port);
        }
        token = token == null || token.isBlank() ? null : token.trim();
    }

    public static QuerySettings parse(final Map<String, String> s, final String defaultAdvertisedHost) {
        final String port = first(s, "http.port", "cellfloor.http-port");
        final int p;
        try {
            p = port == null ? DEFAULT_PORT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the HTTP port (cellfloor.http-port) must be a number, got '" + port
                    + "'", e);
        }
        final String advertised = s.get("cellfloor.advertised-host");
        return new QuerySettings(s.getOrDefault("cellfloor.http-host", "0.0.0.0"), p,
                advertised == null ? defaultAdvertisedHost : advertised, first(s, "api.token", "cellfloor.api-token"));
    }

    /** The settings without the API's own keys, so the token is never handed to the Kafka clients (or their logs). */
    public static Map<String, String> withoutApiKeys(final Map<String, String> s) {
        final Map<String, String> out = new TreeMap<>(s);
        out.keySet().removeIf(k -> k.startsWith("api.") || k.equals("http.port"));
        return out;
    }

    public boolean authRequired() {
        return token != null;
    }

    @Override
    public String toString() {
        return "QuerySettings[bindHost=" + bindHost + ", port=" + port + ", advertisedHost=" + advertisedHost
                + ", token=" + (token == null ? "none" : "(set)") + "]";
    }

    private static String first(final Map<String, String> s, final String a, final String b) {
        final String v = s.get(a);
        return v != null ? v : s.get(b);
    }
}
