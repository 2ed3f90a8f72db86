package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.FileAgent;
import io.cellfloor.ingest.agent.FileAgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The pieces the end-to-end fault tests share: cycler files with cycles in them, one backfill run of the file
 * agent with its spool drainer, to its end, and the uninterrupted reference run the faulted one is compared with.
 */
final class FaultRun {
    private FaultRun() {
    }

    /**
     * The uninterrupted run: {@code channels} files of {@code rows} rows on channels named {@code ref-ch<n>}, followed
     * by a file agent until everything is sent, then the app {@code applicationId} caught up with them.
     */
    static void referenceRun(final Path dir, final String bootstrap, final SchemaRegistryClient client,
                             final Map<String, String> registry, final int channels, final int rows,
                             final String applicationId) throws Exception {
        final Path refIn = Files.createDirectories(dir.resolve("ref-in"));
        for (int c = 1; c <= channels; c++) {
            writeCsv(refIn.resolve("ref-ch" + c + ".csv"), rows, c);
        }
        try (Agent ref = new Agent(refIn, dir.resolve("ref-agent"), bootstrap, client, registry, true,
                Duration.ofMillis(200));
             Following following = new Following(ref)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ref.published() == channels * rows && ref.drainer.drained());
        }
        CommittedOutputs.awaitCaughtUp(bootstrap, applicationId, Duration.ofSeconds(120));
    }

    /**
     * Asserts that the streams app took in at least {@code samples} samples, and returns how many it counted. The
     * counters are not part of the transaction: input whose transaction a broker fault aborted is processed, and
     * counted, again. That no sample reached the outputs twice is what {@link CommittedOutputs} compares.
     */
    static double assertEverySampleTaken(final SimpleMeterRegistry meters, final long samples) {
        final double taken = meters.counter("cellfloor.streams.samples.accepted").count();
        assertThat(taken).as("samples taken in, counting those processed again after an aborted transaction")
                .isGreaterThanOrEqualTo(samples);
        return taken;
    }

    /**
     * An Arbin-style CSV of {@code rows} rows at 1 s: 100 s charging, 100 s discharging, a cycle index every 200
     * rows, the voltage following the current so each half has a shape; {@code seed} shifts the voltages so channels
     * differ.
     */
    static void writeCsv(final Path file, final int rows, final int seed) throws IOException {
        appendCsv(file, 1, rows, seed);
    }

    /** Rows {@code from..to} of {@link #writeCsv}'s file, the header first when {@code from} is 1. */
    static void appendCsv(final Path file, final int from, final int to, final int seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            if (from == 1) {
                w.write("Data_Point,Test_Time,Cycle_Index,Current,Voltage\n");
            }
            for (int i = from; i <= to; i++) {
                final boolean charging = (i / 100) % 2 == 0;
                final double v = charging ? 3.5 + (i % 100) * 0.006 : 4.1 - (i % 100) * 0.006;
                w.write(i + "," + i + "," + (1 + i / 200) + "," + (charging ? "0.5" : "-0.5") + ","
                        + String.format(Locale.ROOT, "%.4f", v + seed * 0.0001) + "\n");
            }
        }
    }

    /** One file agent over {@code in} with its own spool and checkpoint under {@code state}, plus its drainer. */
    static final class Agent implements AutoCloseable {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final FileAgent agent;
        final KafkaProducer<String, byte[]> producer;
        final SpoolDrainer drainer;

        /** A backfill agent: reads the files once; batches are cut by size only (one checkpoint, at the end). */
        Agent(final Path in, final Path state, final String bootstrap, final SchemaRegistryClient client,
              final Map<String, String> registry) throws IOException {
            this(in, state, bootstrap, client, registry, false, Duration.ofSeconds(60));
        }

        /** @param follow follow the files as they grow, sending what a checkpoint every {@code checkpoint} covers */
        Agent(final Path in, final Path state, final String bootstrap, final SchemaRegistryClient client,
              final Map<String, String> registry, final boolean follow, final Duration checkpoint) throws IOException {
            final FileAgentSettings settings = new FileAgentSettings("st-faults", List.of(in), follow, null,
                    List.of(), ReaderOptions.defaults(), state.resolve("quarantine"), Duration.ofMillis(50),
                    checkpoint, AgentSettings.DEFAULTS);
            agent = FileAgent.open(settings, state.resolve("spool"), 256L << 20, checkpointDir(state),
                    CellfloorSerdes.value(SampleBatch.class, client, registry).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registry).serializer(),
                    CellfloorSerdes.value(DeadLetter.class, client, registry).serializer(),
                    meters, System::currentTimeMillis, null);
            producer = StationAgent.producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000"));
            drainer = new SpoolDrainer(agent.spool(), producer, 256, Duration.ofMillis(500), meters,
                    System::currentTimeMillis).start();
        }

        static Path checkpointDir(final Path state) {
            return state.resolve("checkpoint");
        }

        /** Reads every file to its end and waits until the spool has been sent. */
        Agent runToEnd(final Duration atMost) throws IOException, InterruptedException {
            agent.run(() -> true);
            await().atMost(atMost).until(drainer::drained);
            return this;
        }

        double read() {
            return meters.counter("cellfloor.agent.samples.read").count();
        }

        double published() {
            return meters.counter("cellfloor.agent.samples.published").count();
        }

        @Override
        public void close() throws IOException {
            drainer.close(Duration.ofSeconds(10));
            producer.close();
            agent.close();
        }
    }

    /** The agent following its files on a thread of its own until closed. */
    static final class Following implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<Exception> failed = new AtomicReference<>();
        private final Thread reader;

        Following(final FaultRun.Agent agent) {
            reader = new Thread(() -> {
                try {
                    agent.agent.run(() -> !stop.get());
                } catch (final Exception e) {
                    failed.set(e);
                }
            }, "agent-under-test");
            reader.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            reader.join(Duration.ofSeconds(10).toMillis());
            assertThat(failed.get()).as("the agent's reading thread").isNull();
        }
    }
}
