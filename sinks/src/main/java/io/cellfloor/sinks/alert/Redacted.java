package io.cellfloor.sinks.alert;

import java.net.URI;

/**
 * Receiver addresses as they may appear in logs and dead-letter headers. A Slack incoming-webhook URL is itself the
 * credential (anyone holding it can post to the channel), and generic webhooks often carry a key in the path or
 * query, so only the scheme, host and port are shown: enough to tell which service failed, nothing to replay.
 */
final class Redacted {
    private Redacted() {
    }

    /** {@code https://hooks.slack.com/…} for {@code https://hooks.slack.com/services/T0/B0/secret}. */
    static String endpoint(final URI uri) {
        final String host = uri.getHost() == null ? "?" : uri.getHost();
        final String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        final boolean more = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null;
        return uri.getScheme() + "://" + host + port + (more ? "/…" : "");
    }

    /** {@code text} with every occurrence of the full address (and of its path, query and user info) masked. */
    static String scrub(final String text, final URI uri) {
        if (text == null) {
            return null;
        }
        String out = text.replace(uri.toString(), endpoint(uri));
        for (final String secret : new String[] {uri.getRawPath(), uri.getRawQuery(), uri.getRawUserInfo()}) {
            if (secret != null && secret.length() > 1) {
                out = out.replace(secret, "…");
            }
        }
        return out;
    }
}
