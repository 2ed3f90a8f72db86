package io.cellfloor.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StepType;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The serdes against a real Confluent-compatible registry (Apicurio, BACKWARD global rule). */
class ConfluentAvroSerdeTest {

    @TempDir
    static Path workDir;

    private static RegistryProcess registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryProcess.start(workDir);
        client = new HttpSchemaRegistryClient(RegistryConfig.forUrl(registry.url()));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldRoundTripSampleBatchThroughRealRegistry(final TestInfo test) {
        final String topic = topic(test);
        final Serde<SampleBatch> serde = CellfloorSerdes.value(SampleBatch.class, client, Map.of());
        final SampleBatch batch = TestRecords.sampleBatch("ch-1", 42, 500);

        final byte[] bytes = serde.serializer().serialize(topic, batch);
        final SampleBatch read = serde.deserializer().deserialize(topic, bytes);

        assertThat(read).isEqualTo(batch);
        assertThat(client.subjects()).contains(topic + "-value");
    }

    @Test
    void shouldWriteMagicByteAndSchemaIdFirst(final TestInfo test) {
        final String topic = topic(test);
        final ConfluentAvroSerializer<SampleBatch> serializer = new ConfluentAvroSerializer<>(client);

        final byte[] bytes = serializer.serialize(topic, TestRecords.sampleBatch("ch-1", 0, 3));

        final int registeredId = client.latest(topic + "-value").id();
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(ConfluentWireFormat.schemaId(topic, bytes)).isEqualTo(registeredId);
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject(final TestInfo test) {
        final String topic = topic(test);
        final Serde<SampleBatch> serde = CellfloorSerdes.key(SampleBatch.class, client, Map.of());

        serde.serializer().serialize(topic, TestRecords.sampleBatch("ch-1", 0, 1));

        assertThat(client.subjects()).contains(topic + "-key").doesNotContain(topic + "-value");
    }

    @Test
    void shouldRoundTripGenericRecord(final TestInfo test) {
        final String topic = topic(test);
        final Serde<GenericRecord> serde = CellfloorSerdes.generic(client, Map.of(), false);
        final GenericRecord record = TestRecords.sampleBatchWithoutOptionalColumns("ch-9", 3L, List.of(1L, 2L),
            List.of(0.5, 0.6), List.of(3.9, 4.0));

        final GenericRecord read = serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, record));

        assertThat(read.getSchema()).isEqualTo(record.getSchema());
        assertThat(read.get("channelId")).hasToString("ch-9");
        assertThat(read.get("sequence")).isEqualTo(3L);
        assertThat(read.get("voltageV")).isEqualTo(List.of(3.9, 4.0));
    }

    @Test
    void shouldReadOldWriterDataWithTheCurrentReaderSchema(final TestInfo test) {
        final String topic = topic(test);
        final GenericRecord old = TestRecords.sampleBatchWithoutOptionalColumns("ch-3", 7L, List.of(10L),
            List.of(-0.001), List.of(0.02));
        final byte[] oldBytes = new ConfluentAvroSerializer<GenericRecord>(client).serialize(topic, old);
        // the current schema is registered as the subject's next version: the BACKWARD rule accepts it
        new ConfluentAvroSerializer<SampleBatch>(client).serialize(topic, TestRecords.sampleBatch("ch-3", 8, 2));

        final SampleBatch read = new ConfluentAvroDeserializer<>(client, SampleBatch.class).deserialize(topic, oldBytes);

        assertThat(read.getChannelId()).isEqualTo("ch-3");
        assertThat(read.getSequence()).isEqualTo(7L);
        assertThat(read.getVoltageV()).containsExactly(0.02);
        assertThat(read.getTemperatureC()).isNull();
        assertThat(read.getStepType()).isNull();
        assertThat(read.getEndOfTest()).isFalse();
        assertThat(client.latest(topic + "-value").version()).isEqualTo(2);
    }

    @Test
    void shouldRejectAnIncompatibleSchemaWithTheSubjectAndRuleInTheMessage(final TestInfo test) {
        final String topic = topic(test);
        new ConfluentAvroSerializer<SampleBatch>(client).serialize(topic, TestRecords.sampleBatch("ch-1", 0, 1));
        final GenericRecord incompatible = new GenericData.Record(TestRecords.SAMPLE_BATCH_WITH_MANDATORY_NEW_FIELD);

        assertThatThrownBy(() -> new ConfluentAvroSerializer<GenericRecord>(client).serialize(topic, incompatible))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("subject '" + topic + "-value'")
            .hasMessageContaining("compatibility rule rejected it")
            .hasMessageContaining("HTTP 409")
            .hasMessageContaining(registry.url());
    }

    @Test
    void shouldUseTheRecordNameAsSubjectWithRecordNameStrategy(final TestInfo test) {
        final String topic = topic(test);
        final Serde<SampleBatch> serde = CellfloorSerdes.value(SampleBatch.class, client,
            Map.of(RegistryConfig.VALUE_SUBJECT_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy"));

        final byte[] bytes = serde.serializer().serialize(topic, TestRecords.sampleBatch("ch-1", 0, 2));

        assertThat(client.subjects()).contains("io.cellfloor.avro.SampleBatch").doesNotContain(topic + "-value");
        assertThat(serde.deserializer().deserialize(topic, bytes).getChannelId()).isEqualTo("ch-1");
    }

    @Test
    void shouldOnlyLookUpTheIdWhenAutoRegisterIsOff(final TestInfo test) {
        final String topic = topic(test);
        final Map<String, String> noAutoRegister = Map.of(RegistryConfig.AUTO_REGISTER, "false");
        final Serde<SampleBatch> serde = CellfloorSerdes.value(SampleBatch.class, client, noAutoRegister);
        final SampleBatch batch = TestRecords.sampleBatch("ch-1", 0, 2);

        assertThatThrownBy(() -> serde.serializer().serialize(topic, batch))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("not registered under subject '" + topic + "-value'")
            .hasMessageContaining("auto.register.schemas=false");

        final int id = client.register(topic + "-value", SampleBatch.getClassSchema());
        final Serde<SampleBatch> afterRegistration = CellfloorSerdes.value(SampleBatch.class, client, noAutoRegister);
        assertThat(ConfluentWireFormat.schemaId(topic, afterRegistration.serializer().serialize(topic, batch)))
            .isEqualTo(id);
    }

    @Test
    void shouldFailClearlyOnAnUnknownSchemaId() {
        final byte[] bytes = {0, 0, 1, (byte) 0x86, (byte) 0x9F, 2, 4};

        assertThatThrownBy(() -> new ConfluentAvroDeserializer<>(client, SampleBatch.class).deserialize("t", bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("Unknown writer schema id 99999")
            .hasMessageContaining("no schema with that id")
            .hasMessageContaining("HTTP 404")
            .hasMessageContaining(registry.url() + "/schemas/ids/99999");
    }

    @Test
    void shouldFailClearlyOnBytesThatAreNotConfluentWireFormat() {
        final byte[] json = "{\"channelId\":\"ch-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ConfluentAvroDeserializer<>(client, SampleBatch.class).deserialize("t", json))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("Not Confluent wire format: first byte was 0x7B ('{')");
    }

    @Test
    void shouldBuildItsOwnClientFromConfigWhenKafkaInstantiatesIt(final TestInfo test) {
        final String topic = topic(test);
        final Map<String, Object> config = Map.of(RegistryConfig.URL, registry.url(),
            ConfluentAvroDeserializer.SPECIFIC_AVRO_READER, true);
        try (ConfluentAvroSerializer<SampleBatch> serializer = new ConfluentAvroSerializer<>();
             ConfluentAvroDeserializer<SampleBatch> deserializer = new ConfluentAvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            final SampleBatch batch = TestRecords.sampleBatch("ch-2", 1, 10);

            assertThat(deserializer.deserialize(topic, serializer.serialize(topic, batch))).isEqualTo(batch);
        }
    }

    @Test
    void shouldPassNullThroughForTombstones(final TestInfo test) {
        final Serde<SampleBatch> serde = CellfloorSerdes.value(SampleBatch.class, client, Map.of());

        assertThat(serde.serializer().serialize(topic(test), null)).isNull();
        assertThat(serde.deserializer().deserialize(topic(test), null)).isNull();
    }

    /** One topic (and so subject) per test: the registry is shared by the class. */
    @Test
    void shouldReadSampleColumnsOfOurOwnSchemaExactlyAsTheGeneralReaderDoes(final TestInfo test) {
        final String topic = topic(test);
        final SampleBatch batch = TestRecords.sampleBatch("ch-4", 5, 300);
        batch.setCycleIndex(Collections.nCopies(300, 12));
        batch.setTemperatureC(Collections.nCopies(300, 25.5));
        batch.setStepIndex(Collections.nCopies(300, 3));
        batch.setEndOfTest(true);
        final byte[] bytes = new ConfluentAvroSerializer<SampleBatch>(client).serialize(topic, batch);

        final SampleColumns direct = new SampleBatchReader(client, (t, data) -> {
            throw new AssertionError("our own schema must not go through schema resolution");
        }).deserialize(topic, bytes);

        final SampleColumns general = SampleColumns.of(
            new ConfluentAvroDeserializer<>(client, SampleBatch.class).deserialize(topic, bytes));
        assertThat(direct).usingRecursiveComparison().isEqualTo(general);
        assertThat(direct.size()).isEqualTo(300);
        assertThat(direct.timestampMs()[299]).isEqualTo(batch.getTimestampMs().get(299));
        assertThat(direct.voltageV()[299]).isEqualTo(0.012 - 299 * 1e-6);
        assertThat(direct.cycleIndex()).containsOnly(12);
        assertThat(direct.stepType()).containsOnly(StepType.DISCHARGE);
        assertThat(direct.endOfTest()).isTrue();
    }

    @Test
    void shouldReadSampleColumnsOfAnOlderWriterSchemaThroughResolution(final TestInfo test) {
        final String topic = topic(test);
        final GenericRecord old = TestRecords.sampleBatchWithoutOptionalColumns("ch-5", 7L, List.of(10L, 20L),
            List.of(-0.001, -0.002), List.of(0.02, 0.03));

        final SampleColumns read = sampleReader().deserialize(topic,
            new ConfluentAvroSerializer<GenericRecord>(client).serialize(topic, old));

        assertThat(read.channelId()).isEqualTo("ch-5");
        assertThat(read.timestampMs()).containsExactly(10L, 20L);
        assertThat(read.currentA()).containsExactly(-0.001, -0.002);
        assertThat(read.cycleIndex()).isNull();
        assertThat(read.stepType()).isNull();
        assertThat(read.endOfTest()).isFalse();
    }

    @Test
    void shouldRefuseTruncatedOrCorruptSampleBatchesWithTheSchemaIdInTheMessage(final TestInfo test) {
        final String topic = topic(test);
        final byte[] bytes = new ConfluentAvroSerializer<SampleBatch>(client)
            .serialize(topic, TestRecords.sampleBatch("ch-6", 0, 50));
        final byte[] truncated = Arrays.copyOf(bytes, bytes.length - 9);
        final byte[] hugeCount = Arrays.copyOf(bytes, bytes.length);
        final int countAt = ConfluentWireFormat.HEADER_SIZE + 1 + "station-7".length() + 1 + "ch-6".length() + 1
            + "lpsc-cu-0.5mAcm2".length() + 1;
        hugeCount[countAt] = (byte) 0x80;          // zig-zag varint: a timestamp array of 2^30 items
        hugeCount[countAt + 1] = (byte) 0x80;
        hugeCount[countAt + 2] = (byte) 0x80;
        hugeCount[countAt + 3] = (byte) 0x80;
        hugeCount[countAt + 4] = (byte) 0x08;

        assertThatThrownBy(() -> sampleReader().deserialize(topic, truncated))
            .isInstanceOf(SerializationException.class).hasMessageContaining("SampleBatch of schema id");
        // Avro's collection cap (AvroLimits) refuses it first; the reader's own check is the second line
        assertThatThrownBy(() -> sampleReader().deserialize(topic, hugeCount))
            .isInstanceOf(SerializationException.class)
            .hasMessageMatching("(?s).*(cannot fit in a record|Collection length 1073741824 exceeds).*");
    }

    private static SampleBatchReader sampleReader() {
        return new SampleBatchReader(client, new ConfluentAvroDeserializer<>(client, SampleBatch.class));
    }

    private static String topic(final TestInfo test) {
        return "cellfloor.test." + test.getTestMethod().orElseThrow().getName();
    }
}
