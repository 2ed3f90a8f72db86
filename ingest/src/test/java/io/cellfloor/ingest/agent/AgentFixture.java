package io.cellfloor.ingest.agent;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;

/** A generated cycler CSV, agent settings and in-memory-registry serdes for the agent's tests. */
final class AgentFixture {
    static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    static final Map<String, String> REGISTRY_CONFIG = Map.of("schema.registry.url", "http://in-memory.invalid");

    private AgentFixture() {
    }

    /** Writes {@code rows} data rows; the rows whose number is in {@code bad} have a voltage that is not a number. */
    static void writeCsv(final Path file, final int rows, final Set<Integer> bad) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("Data_Point,Test_Time,Cycle_Index,Current,Voltage\n");
            for (int i = 1; i <= rows; i++) {
                w.write(row(i, bad.contains(i)));
            }
        }
    }

    static String row(final int i, final boolean bad) {
        final boolean charging = (i / 100) % 2 == 0;
        return i + "," + i + "," + (1 + i / 200) + "," + (charging ? "0.001" : "-0.001") + ","
                + (bad ? "abc" : String.format(java.util.Locale.ROOT, "%.4f", 3.0 + (i % 100) * 0.001)) + "\n";
    }

    static FileAgentSettings settings(final Path dir, final Path quarantine, final boolean follow) {
        return settings(dir, quarantine, follow, 50);
    }

    static FileAgentSettings settings(final Path dir, final Path quarantine, final boolean follow,
                                      final long checkpointMs) {
        return new FileAgentSettings("st-1", List.of(dir), follow, null, List.of(), ReaderOptions.defaults(),
                quarantine, Duration.ofMillis(20), Duration.ofMillis(checkpointMs), new AgentSettings(50, 1000));
    }

    static FileAgent open(final FileAgentSettings settings, final Path state, final MeterRegistry meters,
                          final long spoolMaxBytes) throws IOException {
        return FileAgent.open(settings, state.resolve("spool"), spoolMaxBytes, state.resolve("checkpoint"),
                CellfloorSerdes.value(SampleBatch.class, REGISTRY, REGISTRY_CONFIG).serializer(),
                CellfloorSerdes.value(CellTest.class, REGISTRY, REGISTRY_CONFIG).serializer(),
                CellfloorSerdes.value(DeadLetter.class, REGISTRY, REGISTRY_CONFIG).serializer(),
                meters, System::currentTimeMillis, null);
    }

    static Deserializer<SampleBatch> batches() {
        return CellfloorSerdes.value(SampleBatch.class, REGISTRY, REGISTRY_CONFIG).deserializer();
    }

    static Deserializer<DeadLetter> deadLetters() {
        return CellfloorSerdes.value(DeadLetter.class, REGISTRY, REGISTRY_CONFIG).deserializer();
    }
}
