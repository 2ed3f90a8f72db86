package io.cellfloor.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Kafka Streams properties the app runs with: cellfloor's choices, and the operator's file over them. */
class StreamsAppConfigTest {
    private static final Map<String, String> MINIMAL = Map.of("bootstrap.servers", "broker-1:9092",
            StreamsAppConfig.REGISTRY_URL, "http://registry:8081", "state.dir", "state/test");

    @Test
    void shouldRunExactlyOnceWithTheGlobalThreadsProcessingErrorsHandledLikeEveryTasks() {
        final Properties p = StreamsAppConfig.parse(MINIMAL).streamsProperties();

        assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        assertThat(new StreamsConfig(p).getBoolean(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
        assertThat(StreamsAppConfig.parse(MINIMAL).viewsProperties(p))
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    }

    @Test
    void shouldLetTheOperatorsFileTurnTheGlobalHandlerOff() {
        final Map<String, String> settings = new HashMap<>(MINIMAL);
        settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "false");

        assertThat(StreamsAppConfig.parse(settings).streamsProperties())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "false");
    }
}
