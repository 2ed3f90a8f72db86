package io.cellfloor.cli;

import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.replay.ReplayRequest;
import io.cellfloor.streams.replay.ReplayTopics;
import io.cellfloor.streams.replay.Replayer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellfloor replay --config FILE --from T --to T [--channels a,b] [--threads N] --suffix NAME}: reprocess
 * samples with the detector settings of the config file ({@code cellfloor.*}, as for {@code streams}) into
 * {@code cellfloor.replay.<suffix>.*} topics, created when missing. Live topics are only read. The topology runs
 * {@code --threads} times at once, each over its share of the partitions, so a replay uses every core.
 */
@Command(name = "replay", sortOptions = false,
        description = "reprocess samples with the config's detector settings into cellfloor.replay.<suffix>.*")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "properties, as for streams")
    private Path configFile;

    @Option(names = "--suffix", paramLabel = "NAME", description = "outputs go to cellfloor.replay.NAME.*")
    private String suffix;

    @Option(names = "--from", paramLabel = "T", defaultValue = "1970-01-01",
            description = "first sample time, ISO instant or date (default ${DEFAULT-VALUE})")
    private String from;

    @Option(names = "--to", paramLabel = "T", defaultValue = "9999-12-31",
            description = "end of the samples' times, exclusive (default ${DEFAULT-VALUE})")
    private String to;

    @Option(names = "--channels", paramLabel = "a,b", defaultValue = "",
            description = "channel ids (default: all)")
    private String channelList;

    @Option(names = "--threads", paramLabel = "N",
            description = "topologies run at once, each over its share of the partitions (default: one per core)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        final StreamsAppConfig config = StreamsAppConfig.parse(Settings.load(configFile));
        if (suffix == null) {
            throw new IllegalArgumentException("replay needs --suffix NAME: its outputs go to cellfloor.replay.NAME.*");
        }
        final Set<String> channels = new LinkedHashSet<>();
        Arrays.stream(channelList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(channels::add);
        final ReplayRequest request = new ReplayRequest(instant(from, "from"),
                instant(to, "to"), channels, suffix);
        final Map<String, String> registrySettings = RegistryConfig.settings(config.registry(), config.registryUrl());
        final Map<String, Object> common = new HashMap<>(config.kafka());
        common.remove("application.id");
        common.remove("state.dir");
        final Map<String, Object> consumerProps = new HashMap<>(common);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Map<String, Object> producerProps = new HashMap<>(common);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (Admin admin = Admin.create(common)) {
            final int partitions = admin.describeTopics(java.util.List.of(Topics.SAMPLES)).allTopicNames().get()
                    .get(Topics.SAMPLES).partitions().size();
            for (final var t : ReplayTopics.newTopics(suffix, partitions)) {
                try {
                    admin.createTopics(java.util.List.of(t)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                     new ByteArraySerializer())) {
            final Map<String, Long> written = new Replayer(consumer, producer,
                    new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings)), registrySettings,
                    config.topology(), Clock.systemUTC(), System.err::println, threads).replay(request);
            written.forEach((topic, n) -> System.out.printf("%s: %,d records%n", topic, n));
        }
        return 0;
    }

    /** An ISO instant ({@code 2026-01-01T06:00:00Z}) or a date ({@code 2026-01-01}, midnight UTC). */
    private static Instant instant(final String text, final String option) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + option + " must be an ISO instant (2026-01-01T06:00:00Z) or a"
                    + " date (2026-01-01), got '" + text + "'", e);
        }
    }
}
