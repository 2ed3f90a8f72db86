package io.cellfloor.ingest.agent;

import io.cellfloor.domain.CellSpec;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps cycler file names to a channel: a file whose name matches {@code pattern} (the whole name) goes to the
 * channel {@code channel}, in which {@code $1}... refer to the pattern's groups, e.g. pattern
 * {@code "cell_(\d+)_.*\.csv"} and channel {@code "st1-ch$1"}.
 *
 * @param cell the channel's cell, published as its {@code CellTest}, or null when unknown (defaults downstream)
 */
public record ChannelRule(Pattern pattern, String channel, CellSpec cell) {
    public ChannelRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(channel, "channel");
    }

    /** The channel id of a file name, or null when the name does not match. */
    public String channelOf(final String fileName) {
        final Matcher m = pattern.matcher(fileName);
        return m.matches() ? m.replaceFirst(channel) : null;
    }
}
