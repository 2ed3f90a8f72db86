package io.cellfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the ingest packages' layering: no two packages import each other, directly or through others, so that
 * the spool stays usable without the checkpoint and the agent's parts can be changed one at a time.
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java/io/cellfloor/ingest");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.cellfloor\\.ingest\\.([a-z]\\w*)\\.", Pattern.MULTILINE);

    @Test
    void shouldHaveNoImportCycleBetweenIngestPackages() throws IOException {
        final Map<String, Set<String>> imports = imports();
        assertThat(imports).containsKeys("agent", "spool", "checkpoint", "publish");
        assertThat(imports.get("spool")).as("the spool must not need the checkpoint").doesNotContain("checkpoint");
        assertThat(cycles(imports)).isEmpty();
    }

    /** Package (relative to io.cellfloor.ingest, "" for the root) to the ingest packages it imports. */
    private static Map<String, Set<String>> imports() throws IOException {
        final Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (final Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                final Path dir = MAIN.relativize(file.getParent());
                final String pkg = dir.toString().replace('/', '.');
                final Set<String> targets = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                final Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** Each package from which an import path leads back to itself, with that path. */
    private static List<String> cycles(final Map<String, Set<String>> imports) {
        final List<String> found = new ArrayList<>();
        for (final String start : imports.keySet()) {
            final List<String> path = new ArrayList<>(List.of(start));
            if (leadsBack(start, start, imports, path, new HashSet<>())) {
                found.add(String.join(" -> ", path));
            }
        }
        return found;
    }

    private static boolean leadsBack(final String start, final String at, final Map<String, Set<String>> imports,
                                     final List<String> path, final Set<String> seen) {
        for (final String next : imports.getOrDefault(at, Set.of())) {
            path.add(next);
            if (next.equals(start) || (seen.add(next) && leadsBack(start, next, imports, path, seen))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
