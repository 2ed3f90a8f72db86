package io.cellfloor.sinks.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/** Posts a receiver's requests with a per-request timeout; a hanging receiver costs at most that timeout. */
public final class HttpSender {
    private final HttpClient client;
    private final Duration timeout;

    public HttpSender(final Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Sends every request in order; the first one that does not succeed decides the attempt. */
    public Attempt send(final List<Outbound> requests) throws InterruptedException {
        for (final Outbound o : requests) {
            final Attempt a = sendOne(o);
            if (a.kind() != Attempt.Kind.DELIVERED) {
                return a;
            }
        }
        return Attempt.delivered();
    }

    private Attempt sendOne(final Outbound o) throws InterruptedException {
        final HttpRequest.Builder b = HttpRequest.newBuilder(o.uri()).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(o.json()));
        o.headers().forEach(b::header);
        try {
            final HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return Attempt.ofStatus(r.statusCode(), Redacted.scrub(r.body(), o.uri()), r.headers().firstValue("Retry-After")
                    .map(HttpSender::seconds).orElse(null));
        } catch (HttpTimeoutException e) {
            return Attempt.retry("no answer within " + timeout.toMillis() + " ms from " + Redacted.endpoint(o.uri()),
                    null);
        } catch (IOException e) {
            // the address is a secret for Slack and many webhooks: this text reaches the log and dead-letter headers
            return Attempt.retry("cannot reach " + Redacted.endpoint(o.uri()) + ": "
                    + Redacted.scrub(e.toString(), o.uri()), null);
        }
    }

    private static Duration seconds(final String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: rare for webhooks, the backoff applies instead
        }
    }
}
