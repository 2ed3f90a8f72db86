package io.cellfloor.streams.query;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where the query API listens, the host it advertises to the other instances ({@code application.server}), and
 * the optional bearer token. Parsed from the app's settings map: {@code http.port} or {@code cellfloor.http-port}
 * (env {@code CELLFLOOR_HTTP_PORT}, default 8080, 0 picks a free port), {@code cellfloor.http-host} (0.0.0.0),
 * {@code cellfloor.advertised-host} (env {@code CELLFLOOR_ADVERTISED_HOST}; default this machine's name),
 * {@code api.token} or {@code cellfloor.api-token} (env {@code CELLFLOOR_API_TOKEN}; absent or blank: no auth),
 * {@code cellfloor.http-max-stream-clients} (100: live-feed clients beyond it get a 503, so a page left open on
 * every screen of a floor cannot exhaust the server's threads), and the {@link HttpsSettings} keys.
 *
 * @param token null when the API is open
 * @param https null for plain HTTP; over plain HTTP the token is never forwarded to other instances
 */
public record QuerySettings(String bindHost, int port, String advertisedHost, String token, int maxStreamClients,
                            HttpsSettings https) {
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_STREAM_CLIENTS = 100;

    /** Plain HTTP with the default live-feed limit. */
    public QuerySettings(final String bindHost, final int port, final String advertisedHost, final String token) {
        this(bindHost, port, advertisedHost, token, DEFAULT_MAX_STREAM_CLIENTS, null);
    }

    public QuerySettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the HTTP port must be 0 (any free port) to 65535, got " + port);
        }
        token = token == null || token.isBlank() ? null : token.trim();
        if (maxStreamClients < 1) {
            throw new IllegalArgumentException("cellfloor.http-max-stream-clients must be at least 1, got "
                    + maxStreamClients);
        }
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
        final String streams = s.getOrDefault("cellfloor.http-max-stream-clients",
                Integer.toString(DEFAULT_MAX_STREAM_CLIENTS)).trim();
        if (!streams.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("cellfloor.http-max-stream-clients must be a number, got '" + streams
                    + "'");
        }
        return new QuerySettings(s.getOrDefault("cellfloor.http-host", "0.0.0.0"), p,
                advertised == null ? defaultAdvertisedHost : advertised, first(s, "api.token", "cellfloor.api-token"),
                Integer.parseInt(streams), HttpsSettings.parse(s));
    }

    /** The settings without the API's own keys, so the token is never handed to the Kafka clients (or their logs). */
    public static Map<String, String> withoutApiKeys(final Map<String, String> s) {
        final Map<String, String> out = new TreeMap<>(s);
        out.keySet().removeIf(k -> k.startsWith("api.") || k.equals("http.port"));
        return out;
    }

    /** {@code https} or {@code http}: how this instance is reached, and how it reaches the others. */
    public String scheme() {
        return https == null ? "http" : "https";
    }

    public boolean authRequired() {
        return token != null;
    }

    @Override
    public String toString() {
        return "QuerySettings[bindHost=" + bindHost + ", port=" + port + ", advertisedHost=" + advertisedHost
                + ", token=" + (token == null ? "none" : "(set)") + ", maxStreamClients=" + maxStreamClients
                + ", https=" + (https == null ? "off" : https) + "]";
    }

    private static String first(final Map<String, String> s, final String a, final String b) {
        final String v = s.get(a);
        return v != null ? v : s.get(b);
    }
}
