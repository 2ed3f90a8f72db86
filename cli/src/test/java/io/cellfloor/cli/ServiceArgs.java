package io.cellfloor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command lines of the agent's service definitions, split as the service managers split them (double quotes
 * group words with spaces), so tests can hand the cellfloor part to the real command line parser.
 */
final class ServiceArgs {
    private static final Pattern EXEC_START = Pattern.compile("(?m)^ExecStart=(.+)$");
    private static final Pattern WINSW_ARGUMENTS = Pattern.compile("<arguments>(.+?)</arguments>", Pattern.DOTALL);

    private ServiceArgs() {
    }

    /** systemd's {@code ExecStart=}, the program included; {@code $VAR} words (JVM options) are left out. */
    static List<String> systemdCommand(final String unit) {
        final Matcher m = EXEC_START.matcher(unit);
        if (!m.find()) {
            throw new AssertionError("no ExecStart= in the unit");
        }
        return split(m.group(1)).stream().filter(w -> !w.startsWith("$")).toList();
    }

    /** WinSW's {@code <arguments>}: what follows the executable. */
    static List<String> winswArguments(final String xml) {
        final Matcher m = WINSW_ARGUMENTS.matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        if (!m.find()) {
            throw new AssertionError("no <arguments> in the WinSW definition");
        }
        return split(m.group(1).strip());
    }

    static List<String> split(final String line) {
        final List<String> words = new ArrayList<>();
        final StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (final char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
