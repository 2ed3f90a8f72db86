package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CycleSummary;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sinks.archive.ArchiveTopic;
import io.cellfloor.streams.app.TopicPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app's JVM is killed ({@code kill -9}) while a transaction of it is open and input is left, and a new
 * process is started on the same state directory and application id. Exactly-once must hold across the kill: the
 * open transaction is aborted, the input since the last commit is processed again, and every output topic, read
 * committed, holds for these channels exactly what an uninterrupted run of the same files left for others; so does
 * the Parquet archive, whose writer reads committed records throughout.
 */
class StreamsKillEndToEndTest {
    private static final String APP = "cellfloor-streams-kill";
    private static final int CHANNELS = 3;
    private static final int ROWS = Integer.getInteger("cellfloor.test.streamsKillRows", 40_000);
    /**
     * The static group member id, as the Kubernetes StatefulSet sets it (the pod name): the restarted process takes
     * the dead one's place at once. Empty: a dynamic member, which waits for the dead one's session to time out.
     */
    private static final String INSTANCE_ID =
            System.getProperty("cellfloor.test.streamsKillInstanceId", "cellfloor-streams-0");

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM =
            KafkaAndRegistryExtension.withTopics(TopicPlan.topics(3, 1));
    @TempDir
    Path dir;

    @Test
    void shouldGiveTheOutputsOfAnUninterruptedRunWhenTheStreamsAppIsKilledMidTransactionAndRestarted()
            throws Exception {
        final Map<String, String> registry = Map.of(RegistryConfig.URL, PLATFORM.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registry));
        final Path settings = dir.resolve("streams.properties");
        Files.writeString(settings, String.join("\n", "bootstrap.servers=" + PLATFORM.bootstrapServers(),
                RegistryConfig.URL + "=" + PLATFORM.registryUrl(), "application.id=" + APP,
                "state.dir=" + dir.resolve("streams-state"),
                INSTANCE_ID.isEmpty() ? "" : "group.instance.id=" + INSTANCE_ID, ""));

        final ArchiveRun archive = new ArchiveRun(dir.resolve("archive"), PLATFORM.bootstrapServers(),
                PLATFORM.registryUrl(), client, registry);
        backfill("ref", client, registry);
        final long refStart = System.nanoTime();
        try (ChildJvm uninterrupted = streams("ref")) {
            CommittedOutputs.awaitCaughtUp(PLATFORM.bootstrapServers(), APP, Duration.ofSeconds(120));
            System.out.printf("uninterrupted run: started and caught up in %.1f s%n",
                    (System.nanoTime() - refStart) / 1e9);
            uninterrupted.stop(Duration.ofSeconds(60));
        }

        backfill("out", client, registry);
        final Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            final OpenTransactions broker = new OpenTransactions(a, APP);
            final long end = broker.samplesEnd();
            final long committedBefore = broker.committedSamples();
            assertThat(end - committedBefore).as("the faulted run's batches, not yet processed")
                    .isEqualTo(end / 2);

            assertThat(broker.uncommittedRecords()).as("open transactions before the app starts again").isZero();
            final long[] atKill = new long[3];
            Map<TopicPartition, Long> leftOpen = Map.of();
            int attempts = 0;
            while (leftOpen.isEmpty()) {
                // a transaction seen open may still be committed if its commit was on its way when the kill came;
                // then that was a kill between transactions, and the test starts the app and kills it again
                attempts++;
                assertThat(attempts).as("attempts to kill the app inside a transaction").isLessThanOrEqualTo(5);
                leftOpen = killMidTransaction(broker, attempts, end, atKill);
            }
            final long committedAfterKill = broker.committedSamples();
            final long openAfterKill = broker.uncommittedRecords();
            assertThat(committedAfterKill).as("input left at the kill").isLessThan(end);
            assertThat(openAfterKill).as("the killed process's transaction left open").isGreaterThan(0);
            final Map<TopicPartition, Long> openAtKill = leftOpen;

            final long restartedAt = System.nanoTime();
            try (ChildJvm restarted = streams("restarted")) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                        .until(() -> broker.ended(openAtKill));
                final double abortedAfterKill = (System.nanoTime() - atKill[2]) / 1e9;
                CommittedOutputs.awaitCaughtUp(PLATFORM.bootstrapServers(), APP, Duration.ofSeconds(180));
                final double recovery = (System.nanoTime() - restartedAt) / 1e9;
                assertThat(broker.uncommittedRecords()).as("open transactions after the restart").isZero();
                final Map<String, Integer> compared = CommittedOutputs.assertSameAsUninterrupted(
                        PLATFORM.bootstrapServers(), "ref-ch", "out-ch", client, registry);
                assertThat(CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.DEAD_LETTER))
                        .as("dead letters of both runs").isEmpty();
                final long refSamples = samplesInCycles("ref-ch", client, registry);
                assertThat(samplesInCycles("out-ch", client, registry)).as("samples in the faulted run's cycles")
                        .isEqualTo(refSamples);
                restarted.stop(Duration.ofSeconds(60));
                archive.finish(Duration.ofSeconds(60));
                final Map<ArchiveTopic, Integer> archived = assertArchiveSameAsUninterrupted(archive);
                System.out.printf("streams app killed (attempt %d): %d of %d batches committed at the kill (%d after "
                                + "it), %d "
                                + "records of an open transaction left by the kill (%d seen just before), ended %.1f s "
                                + "after the kill; restarted on the same state dir, caught up %.1f s after the new "
                                + "process started; "
                                + "records compared %s; samples in cycles %d in each run; 0 dead letters; archive "
                                + "rows compared %s%n",
                        attempts, atKill[0] - committedBefore, end - committedBefore, committedAfterKill - committedBefore,
                        openAfterKill, atKill[1], abortedAfterKill, recovery, compared, refSamples, archived);
            }
        } finally {
            archive.close();
        }
    }

    /**
     * Starts the app and kills it once its group has committed part of the input left (the first time a quarter
     * or more), not all of it, and it has records of a transaction it has not committed yet on an output or changelog partition. The cheap
     * question first, as the app may need only a few seconds for the whole input.
     *
     * @param atKill set to {committed offsets at the kill, records seen open, when}
     * @return the transactions the dead process left open (per partition, their start), empty if none
     */
    private Map<TopicPartition, Long> killMidTransaction(final OpenTransactions broker, final int attempt,
                                                         final long end, final long[] atKill) throws Exception {
        final long from = broker.committedSamples();
        // the first time a quarter in; again at its first commit, so that the input does not run out
        final long enough = from + (attempt == 1 ? Math.max(1, (end - from) / 4) : 1);
        try (ChildJvm killed = streams("killed-" + attempt)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> {
                final long committed = broker.committedSamples();
                assertThat(committed).as("the app finished before it could be killed").isLessThan(end);
                if (committed < enough) {
                    return false;
                }
                final long open = broker.uncommittedRecords();
                if (open == 0) {
                    return false;
                }
                killed.kill();
                atKill[0] = committed;
                atKill[1] = open;
                atKill[2] = System.nanoTime();
                return true;
            });
        }
        return broker.openTransactions();
    }

    /**
     * The archive, written throughout by the sinks module's writer reading committed records, holds for the faulted
     * run's tests exactly the rows it holds for the uninterrupted run's, and as many as the topics hold for them.
     *
     * @return per archived topic, the rows compared
     */
    private static Map<ArchiveTopic, Integer> assertArchiveSameAsUninterrupted(final ArchiveRun archive)
            throws java.io.IOException {
        final Map<ArchiveTopic, Integer> compared = new java.util.EnumMap<>(ArchiveTopic.class);
        for (final ArchiveTopic topic : ArchiveTopic.values()) {
            final List<String> expected = archive.rows(topic, "ref-ch").stream()
                    .map(s -> s.replace("ref-ch", "out-ch")).sorted().toList();
            final List<String> actual = archive.rows(topic, "out-ch").stream().sorted().toList();
            assertThat(actual).as("archive of " + topic.dir() + " as in the uninterrupted run")
                    .containsExactlyElementsOf(expected);
            assertThat(actual).as("archive rows of " + topic.dir() + " against the topic")
                    .hasSize((int) CommittedOutputs.read(PLATFORM.bootstrapServers(), topic.topic()).stream()
                            .filter(r -> r.substring(0, r.indexOf('=')).contains("out-ch")).count());
            compared.put(topic, actual.size());
        }
        assertThat(compared.get(ArchiveTopic.CYCLES)).as("archived cycles").isGreaterThan(0);
        return compared;
    }

    /** Writes the files of one run and sends them to the samples topic through a file agent, to the end. */
    private void backfill(final String run, final SchemaRegistryClient client, final Map<String, String> registry)
            throws Exception {
        final Path in = Files.createDirectories(dir.resolve(run + "-in"));
        for (int c = 1; c <= CHANNELS; c++) {
            FaultRun.writeCsv(in.resolve(run + "-ch" + c + ".csv"), ROWS, c);
        }
        try (FaultRun.Agent agent = new FaultRun.Agent(in, dir.resolve(run + "-agent"), PLATFORM.bootstrapServers(),
                client, registry).runToEnd(Duration.ofSeconds(120))) {
            assertThat(agent.published()).as("samples sent").isEqualTo(CHANNELS * ROWS);
        }
    }

    private ChildJvm streams(final String name) throws java.io.IOException {
        return ChildJvm.start(ChildJvm.log(getClass(), "streams-" + name), "streams", "--config",
                dir.resolve("streams.properties").toString(), "--metrics-port", "0", "--http-port", "0");
    }

    private static long samplesInCycles(final String channelPart, final SchemaRegistryClient client,
                                        final Map<String, String> registry) {
        final var cycles = CellfloorSerdes.value(CycleSummary.class, client, registry).deserializer();
        long samples = 0;
        for (final String r : CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.CYCLES)) {
            final int eq = r.indexOf('=');
            if (r.substring(0, eq).contains(channelPart)) {
                samples += cycles.deserialize(Topics.CYCLES, HexFormat.of().parseHex(r.substring(eq + 1)))
                        .getSampleCount();
            }
        }
        return samples;
    }
}
