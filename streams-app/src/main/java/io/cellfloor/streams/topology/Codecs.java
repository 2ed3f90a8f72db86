package io.cellfloor.streams.topology;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The (de)serializers the topology needs. Inputs are read as raw bytes and decoded inside the processor, so a
 * record that cannot be decoded becomes a dead letter instead of stopping the app.
 */
public record Codecs(
        Deserializer<SampleBatch> samples,
        Deserializer<CellTest> cellTests,
        Serializer<CycleSummary> cycles,
        Serializer<DeadLetter> deadLetters) {
}
