package io.cellfloor.streams.query;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/** Decoders for the stores and topics that hold Confluent-wire bytes: cell tests, cycle summaries, statuses. */
public record QueryCodecs(Deserializer<CellTest> cellTests, Deserializer<CycleSummary> cycles,
                          Deserializer<ChannelStatus> statuses) {

    public static QueryCodecs registry(final SchemaRegistryClient client, final Map<String, ?> config) {
        return new QueryCodecs(CellfloorSerdes.value(CellTest.class, client, config).deserializer(),
                CellfloorSerdes.value(CycleSummary.class, client, config).deserializer(),
                CellfloorSerdes.value(ChannelStatus.class, client, config).deserializer());
    }
}
