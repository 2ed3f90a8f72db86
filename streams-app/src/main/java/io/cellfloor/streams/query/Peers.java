package io.cellfloor.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the app over HTTP(S). Requests carry the bearer token (when one is set, and only over
 * HTTPS), a header naming this instance so the other side answers locally instead of forwarding again, and
 * optionally the local scope.
 * A peer that does not answer in time is an empty answer, never an exception.
 */
final class Peers {
    static final String FORWARDED_BY = "X-Cellfloor-Forwarded-By";
    static final String SCOPE = "X-Cellfloor-Scope";
    static final String LOCAL = "local";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final String self;
    private final String token;
    private final String scheme;

    /**
     * @param https null when the instances talk plain HTTP: then the token is not sent, as anyone on the path could
     *              read it; a floor with a token and several instances needs HTTPS
     */
    Peers(final String self, final String token, final HttpsSettings https) {
        this.self = self;
        this.token = https == null ? null : token;
        this.scheme = https == null ? "http" : "https";
        final HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2));
        if (https != null) {
            builder.sslContext(https.clientContext());
        }
        this.client = builder.build();
    }

    /** The peer's answer to {@code pathAndQuery}, or empty when it could not be reached. */
    Optional<HttpResponse<String>> get(final HostInfo peer, final String pathAndQuery, final boolean localScope) {
        try {
            return Optional.of(client.send(request(peer, pathAndQuery, localScope),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Like {@link #get}, without waiting: for asking every peer at once. */
    CompletableFuture<Optional<HttpResponse<String>>> getAsync(final HostInfo peer, final String pathAndQuery,
                                                               final boolean localScope) {
        return client.sendAsync(request(peer, pathAndQuery, localScope), HttpResponse.BodyHandlers.ofString())
                .thenApply(Optional::of)
                .exceptionally(e -> Optional.empty());
    }

    private HttpRequest request(final HostInfo peer, final String pathAndQuery, final boolean localScope) {
        final HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(scheme + "://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .timeout(TIMEOUT)
                .header(FORWARDED_BY, self)
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (localScope) {
            b.header(SCOPE, LOCAL);
        }
        return b.build();
    }
}
