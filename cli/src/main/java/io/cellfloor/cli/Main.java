package io.cellfloor.cli;

import java.util.Arrays;
import java.util.Locale;

/** {@code cellfloor <command> [options]}: the entry point behind the {@code ./cellfloor} launcher. */
public final class Main {
    private static final String USAGE = """
            usage: ./cellfloor <command> [options]

            commands:
              demo      embedded broker + schema registry + simulated floor + streams app, live output
                          --channels N (64)  --speed-up X (600)  --cycles N (30)  --seconds S (0: until Ctrl-C)
                          --state-dir DIR (state/demo)  --metrics-port P (9464; 0 picks a free port)
                          --http-port P (8080; 0 picks a free port): the dashboard and query API
                          --browser no: do not open the dashboard in a browser (opened from a terminal on a desktop)
              streams   run the streams app against your Kafka and schema registry
                          --config FILE (properties; KAFKA_*, SCHEMA_REGISTRY_URL, CELLFLOOR_* env override)
                          --metrics-port P (9464)  --http-port P (8080; or CELLFLOOR_HTTP_PORT): query API
                          bearer token for the API and dashboard: api.token or CELLFLOOR_API_TOKEN
              analyze   run the topology over cycler files, no broker needed: one JSON line per cycle
                          --out DIR  [--cell-test FILE (JSON or YAML)]  [--zone ZONE (UTC)]  FILE...
              agent     the station agent: reads a cycler PC's export directories (follow or backfill), spools
                          to disk, checkpoints, publishes to your Kafka and schema registry; see README
                          --config station.yaml  [--mode follow|backfill]  [--metrics-port P (9465)]
                          simulated floor instead: --source simulator --config FILE (as for streams)
                          --channels N (64)  --speed-up X (1)  --cycles N (30)  [--spool-dir DIR]
              sinks alerts  deliver cellfloor.alerts.v1 to webhook / Slack / PagerDuty / Alertmanager receivers
                          --config FILE (properties: Kafka, registry, receiver.*, route.*; see README "Alerting")
                          --metrics-port P (9466)
              sinks archive  samples, cycles, events, stage changes into Parquet (date/station/test partitions)
                          --config FILE  --dir DIR  --metrics-port P (9467)
              replay    reprocess samples with the config's detector settings into cellfloor.replay.<suffix>.*
                          --config FILE  --suffix NAME  [--from T]  [--to T]  [--channels a,b]
            """;

    private Main() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || Arrays.stream(args).anyMatch(a -> a.equals("--help")
                || a.equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cellfloor " + args[0] + ": " + e.getMessage() + " (./cellfloor --help for usage)");
            System.exit(2);
        }
    }

    private static void run(final String[] args) throws Exception {
        if (args[0].equals("analyze")) {
            final Options.WithFiles parsed = Options.parseWithFiles(Arrays.copyOfRange(args, 1, args.length));
            System.exit(AnalyzeCommand.run(parsed.files(), parsed.options(), System.out));
        }
        if (args[0].equals("sinks")) {
            System.exit(SinksCommand.run(args));
        }
        final Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        final int status = switch (args[0].toLowerCase(Locale.ROOT)) {
            case "demo" -> Demo.run(DemoSettings.from(options));
            case "streams" -> StreamsCommand.run(options);
            case "agent" -> AgentCommand.run(options);
            case "replay" -> ReplayCommand.run(options);
            default -> {
                System.err.println("unknown command '" + args[0] + "'\n" + USAGE);
                yield 2;
            }
        };
        System.exit(status);
    }
}
