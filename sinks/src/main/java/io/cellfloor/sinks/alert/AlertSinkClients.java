package io.cellfloor.sinks.alert;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client settings of the alert sink: a consumer that reads only committed alerts (the streams app writes them
 * in transactions), never auto-commits, and may spend a whole retry budget on one poll; an idempotent producer for
 * dead letters.
 */
public final class AlertSinkClients {
    private AlertSinkClients() {
    }

    public static Map<String, Object> consumer(final AlertSinkSettings s) {
        final Map<String, Object> p = new HashMap<>(s.kafka());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final int maxRecords = Integer.parseInt(String.valueOf(p.getOrDefault(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10")));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxRecords));
        final long needed = s.worstCasePerAlert().toMillis() * maxRecords + 60_000;
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Math.max(300_000, Math.min(needed, Integer.MAX_VALUE))));
        return p;
    }

    public static Map<String, Object> producer(final AlertSinkSettings s) {
        final Map<String, Object> p = new HashMap<>(s.kafka());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.keySet().removeIf(k -> k.startsWith("auto.offset") || k.startsWith("max.poll") || k.startsWith("isolation"));
        return p;
    }
}
