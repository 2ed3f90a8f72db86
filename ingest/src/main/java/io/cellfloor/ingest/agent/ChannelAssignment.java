package io.cellfloor.ingest.agent;

import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import java.util.List;

/**
 * Which channel and test a cycler file's samples go to: a pure function of its name, the channel rules, and how
 * the agent came to read it (resumed, rewritten), so the naming rules are tested without files or a spool.
 *
 * @param channelId the channel the samples go to
 * @param testId the test id the batches carry
 * @param cell the channel's cell from its rule, or null when unknown
 */
record ChannelAssignment(String channelId, String testId, CellSpec cell) {

    /**
     * The assignment of a file, or null when channel rules are given and none matches (the file is not read).
     *
     * @param fileName the file's name
     * @param baseName its name without extension: the channel when no rule is given, and the test id
     * @param rules channel rules, first match wins
     * @param resume the checkpoint the file resumes from, or null
     * @param rewritten true when the file is read again after it was truncated or rewritten
     * @param nowMs wall time, which tells a rewritten file's test apart from the first one
     */
    static ChannelAssignment of(final String fileName, final String baseName, final List<ChannelRule> rules,
                                final FileCheckpoint resume, final boolean rewritten, final long nowMs) {
        final ChannelRule rule = firstMatch(rules, fileName);
        if (rule == null && !rules.isEmpty()) {
            return null; // rules are given and none names this file: not ours
        }
        final String channelId = rule == null ? baseName : rule.channelOf(fileName);
        final CellSpec cell = rule == null ? null : rule.cell();
        if (resume != null) {
            return new ChannelAssignment(channelId, resume.testId(), cell); // same test as before the stop
        }
        if (rewritten) {
            return new ChannelAssignment(channelId, baseName + "~" + nowMs, cell); // a new test at the same path
        }
        return new ChannelAssignment(channelId, baseName, cell);
    }

    private static ChannelRule firstMatch(final List<ChannelRule> rules, final String fileName) {
        for (final ChannelRule r : rules) {
            if (r.channelOf(fileName) != null) {
                return r;
            }
        }
        return null;
    }
}
