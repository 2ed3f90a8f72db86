package io.cellfloor.ingest.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * The real cycler exports in {@code ../shared/data} (see its MANIFEST.md), read in place and never copied into
 * this repository. Surefire passes the folder as {@code cellfloor.shared.data}; a run from an IDE in the module
 * folder finds it by walking up. Tests that need a file are skipped, saying so, where the folder is absent.
 */
final class SharedData {
    private SharedData() {
    }

    static Path file(final String relative) {
        final Path dir = folder();
        Assumptions.assumeTrue(dir != null, "shared cycler exports not found: set -Dcellfloor.shared.data=<folder> "
                + "or check out shared/data beside the repository (skipping " + relative + ")");
        final Path p = dir.resolve(relative);
        Assumptions.assumeTrue(Files.isReadable(p), "shared cycler export " + p + " is missing (skipping)");
        return p;
    }

    private static Path folder() {
        final String configured = System.getProperty("cellfloor.shared.data");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            final Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
