package io.cellfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.schema.Topics;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trivial baseline does what the benchmark says it does: one counted put per batch, under its own id. */
class TrivialExactlyOnceTest {
    @TempDir
    Path dir;

    @Test
    void shouldCountEachChannelsBatchesInItsStoreAndEveryRecordInTheCounter() {
        final LongAdder records = new LongAdder();
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trivial-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        try (TopologyTestDriver driver = new TopologyTestDriver(TrivialExactlyOnce.topology(records), props)) {
            final TestInputTopic<String, byte[]> samples = driver.createInputTopic(Topics.SAMPLES,
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            for (int i = 0; i < 3; i++) {
                samples.pipeInput("st1-ch1", new byte[500]);
            }
            samples.pipeInput("st1-ch2", new byte[7]);

            final KeyValueStore<String, Long> store = driver.getKeyValueStore(TrivialExactlyOnce.STORE);
            assertThat(store.get("st1-ch1")).isEqualTo(3L);
            assertThat(store.get("st1-ch2")).isEqualTo(1L);
            assertThat(records.sum()).isEqualTo(4L);
        }
    }

    @Test
    void shouldKeepTheFullSystemsSettingsUnderAnApplicationIdOfItsOwn() {
        final Properties full = new Properties();
        full.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-throughput");
        full.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        full.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        full.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");

        final Properties trivial = TrivialExactlyOnce.properties(full);

        assertThat(trivial.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("cellfloor-throughput-trivial");
        assertThat(trivial.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(trivial.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("200");
        assertThat(trivial.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("2");
        assertThat(full.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("cellfloor-throughput");
    }
}
