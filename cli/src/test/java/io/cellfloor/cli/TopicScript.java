package io.cellfloor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code create-topics.sh} for real, with bash, against a stand-in {@code kafka-topics.sh} that records each
 * call and answers {@code --describe} from what was created, so a test sees exactly the topics, partitions and
 * configs the script would ask a cluster for.
 */
final class TopicScript {
    private static final String STUB = """
            #!/usr/bin/env bash
            echo "$*" >> "$STUB_LOG"
            if [[ " $* " == *" --describe "* ]]; then
              topic=""; prev=""
              for a in "$@"; do if [[ "$prev" == "--topic" ]]; then topic="$a"; fi; prev="$a"; done
              line="$(grep -e "--create .*--topic $topic " "$STUB_LOG" | head -n 1 || true)"
              n="$(sed -n 's/.*--partitions \\([0-9]*\\).*/\\1/p' <<<"$line")"
              if [[ "$topic" == cellfloor.cell-tests.v1 && -n "${STUB_CELL_TESTS_PARTITIONS:-}" ]]; then
                n="$STUB_CELL_TESTS_PARTITIONS"
              fi
              if [[ -n "$n" ]]; then printf 'Topic: %s\\tTopicId: x\\tPartitionCount: %s\\n' "$topic" "$n"; fi
            fi
            """;

    /** One {@code kafka-topics.sh --create} the script made. */
    record Created(String name, int partitions, int replication, Map<String, String> configs) {
    }

    record Result(int exitCode, List<Created> created, String output) {
    }

    private TopicScript() {
    }

    static Result run(final String script, final Map<String, String> env, final Path dir)
            throws IOException, InterruptedException {
        final Path bin = Files.createDirectories(dir.resolve("bin"));
        final Path stub = bin.resolve("kafka-topics.sh");
        Files.writeString(stub, STUB);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        final Path scriptFile = dir.resolve("create-topics.sh");
        Files.writeString(scriptFile, script);
        final Path log = dir.resolve("calls.log");
        Files.deleteIfExists(log);
        final ProcessBuilder pb = new ProcessBuilder("bash", scriptFile.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("KAFKA_BIN", bin.toString());
        pb.environment().put("STUB_LOG", log.toString());
        final Process p = pb.start();
        final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("create-topics.sh did not finish in 60 s:\n" + output);
        }
        final List<Created> created = new ArrayList<>();
        for (final String call : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            if (call.contains("--create")) {
                created.add(parse(call.split(" ")));
            }
        }
        return new Result(p.exitValue(), created, output);
    }

    private static Created parse(final String[] args) {
        String name = null;
        int partitions = -1;
        int replication = -1;
        final Map<String, String> configs = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            switch (args[i]) {
                case "--topic" -> name = args[i + 1];
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--replication-factor" -> replication = Integer.parseInt(args[i + 1]);
                case "--config" -> configs.put(args[i + 1].substring(0, args[i + 1].indexOf('=')),
                        args[i + 1].substring(args[i + 1].indexOf('=') + 1));
                default -> { }
            }
        }
        return new Created(name, partitions, replication, Map.copyOf(configs));
    }
}
