package io.cellfloor.streams.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.schema.Topics;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live floor for {@code GET /api/stream}: one consumer (no group) of every partition of the channel-status topic
 * from its end, and of the compacted cell-tests topic from its start (for the tiles' SSE, collector and kind), sends
 * each status change as a tile to every connected client. Every instance reads the whole floor, so any instance can
 * serve the stream; a client that has gone is dropped.
 */
final class FloorFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FloorFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final QueryCodecs codecs;
    private final ObjectMapper json;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Map<String, CellTest> cellTests = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    FloorFeed(final Map<String, Object> kafka, final QueryCodecs codecs, final ObjectMapper json) {
        final Map<String, Object> props = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "cellfloor-floor-feed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.codecs = codecs;
        this.json = json;
        this.thread = new Thread(this::run, "cellfloor-floor-feed");
        thread.setDaemon(true);
    }

    FloorFeed start() {
        thread.start();
        return this;
    }

    void add(final SseClient client) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
    }

    int clients() {
        return clients.size();
    }

    private void run() {
        try {
            final List<TopicPartition> status = partitions(Topics.CHANNEL_STATUS);
            final List<TopicPartition> tests = partitions(Topics.CELL_TESTS);
            final List<TopicPartition> all = new ArrayList<>(status);
            all.addAll(tests);
            consumer.assign(all);
            consumer.seekToEnd(status);
            consumer.seekToBeginning(tests);
            while (running) {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    handle(r);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("the live floor feed stopped; /api/stream clients get no more updates", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions(final String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private void handle(final ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.topic().equals(Topics.CELL_TESTS)) {
            if (r.value() == null) {
                cellTests.remove(r.key());
            } else {
                cellTests.put(r.key(), codecs.cellTests().deserialize(r.topic(), r.value()));
            }
            return;
        }
        if (r.value() == null || clients.isEmpty()) {
            return;
        }
        final ChannelStatus s = codecs.statuses().deserialize(r.topic(), r.value());
        final String data;
        try {
            data = json.writeValueAsString(Tiles.tile(r.key(), s, cellTests.get(r.key())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tile could not be written as JSON", e);
        }
        for (final SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                try {
                    c.sendEvent("status", data);
                } catch (RuntimeException e) {
                    clients.remove(c);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        clients.forEach(SseClient::close);
    }
}
