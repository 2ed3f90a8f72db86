package io.cellfloor.streams.topology;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StageChange;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.schema.serde.SampleBatchReader;
import io.cellfloor.schema.serde.SampleColumns;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The (de)serializers the topology needs. Inputs are read as raw bytes and decoded inside the processor, so a
 * record that cannot be decoded becomes a dead letter instead of stopping the app.
 */
public record Codecs(
        Deserializer<SampleColumns> samples,
        Deserializer<CellTest> cellTests,
        Serializer<CycleSummary> cycles,
        Serializer<DeadLetter> deadLetters,
        Serde<BreakdownEvent> eventSerde,
        Serializer<StageChange> stageChanges,
        Serde<ChannelStatus> status,
        Serializer<Alert> alerts,
        Serde<CohortStats> cohortSerde) {

    /** Confluent wire-format codecs over {@code client}; {@code config} takes the registry client's settings. */
    public static Codecs registry(final SchemaRegistryClient client, final Map<String, ?> config) {
        return new Codecs(
                new SampleBatchReader(client, CellfloorSerdes.value(SampleBatch.class, client, config).deserializer()),
                CellfloorSerdes.value(CellTest.class, client, config).deserializer(),
                CellfloorSerdes.value(CycleSummary.class, client, config).serializer(),
                CellfloorSerdes.value(DeadLetter.class, client, config).serializer(),
                CellfloorSerdes.value(BreakdownEvent.class, client, config),
                CellfloorSerdes.value(StageChange.class, client, config).serializer(),
                CellfloorSerdes.value(ChannelStatus.class, client, config),
                CellfloorSerdes.value(Alert.class, client, config).serializer(),
                CellfloorSerdes.value(CohortStats.class, client, config));
    }
}
