package io.cellfloor.sinks.alert;

import java.time.Duration;

/**
 * What one delivery attempt came to. 2xx is delivered; 408, 429, 5xx, timeouts and connection errors are worth a
 * retry; any other 4xx means the request itself is wrong (a bad routing key, a malformed URL), which no retry fixes.
 *
 * @param retryAfter what the receiver asked for in {@code Retry-After}, or null
 */
public record Attempt(Kind kind, String detail, Duration retryAfter) {
    public enum Kind { DELIVERED, RETRY, PERMANENT }

    static Attempt delivered() {
        return new Attempt(Kind.DELIVERED, "delivered", null);
    }

    static Attempt retry(final String detail, final Duration retryAfter) {
        return new Attempt(Kind.RETRY, detail, retryAfter);
    }

    /** Classifies an HTTP status; the first matching rule decides. */
    static Attempt ofStatus(final int status, final String body, final Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return delivered();
        }
        final String detail = "HTTP " + status + (body == null || body.isBlank() ? ""
                : ": " + (body.length() > 200 ? body.substring(0, 200) : body));
        if (status == 408 || status == 429 || status >= 500) {
            return retry(detail, retryAfter);
        }
        return new Attempt(Kind.PERMANENT, detail, null);
    }
}
