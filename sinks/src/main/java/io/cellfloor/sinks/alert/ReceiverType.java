package io.cellfloor.sinks.alert;

import java.util.Locale;

/** The wire formats an alert can be delivered in; each has its own {@link PayloadFormat}. */
public enum ReceiverType {
    WEBHOOK, SLACK, PAGERDUTY, ALERTMANAGER;

    static ReceiverType parse(final String text, final String receiver) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("receiver." + receiver + ".type is '" + text
                    + "'; use one of webhook, slack, pagerduty, alertmanager", e);
        }
    }
}
