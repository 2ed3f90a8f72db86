package io.cellfloor.cli;

import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.HalfCycleSummary;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.schema.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints each cycle summary as it appears on the cycles topic (committed records only), one line per cycle. */
final class CyclePrinter implements AutoCloseable {
    private final KafkaConsumer<String, CycleSummary> consumer;
    private final Map<String, CellSpec> cells = new HashMap<>();
    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    CyclePrinter(final String bootstrap, final Deserializer<CycleSummary> values, final List<ChannelInfo> channels,
                 final PrintStream out) {
        final Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "cellfloor-demo-printer",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        channels.forEach(c -> cells.put(c.channelId(), c.cell()));
        this.out = out;
        this.thread = new Thread(this::loop, "cycle-printer");
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(Topics.CYCLES));
            while (running.get()) {
                for (final ConsumerRecord<String, CycleSummary> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(r.value(), cells.get(r.key())));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    static String line(final CycleSummary c, final CellSpec cell) {
        final boolean lithium = cell == null || cell.kind() != CellKind.FULL;
        final String what = cell == null ? "unknown cell"
                : cell.electrolyte() + "|" + cell.collector() + " " + cell.currentDensityMAcm2() + " mA/cm2";
        final String events = c.getEvents().isEmpty() ? "" : "  " + c.getEvents().stream()
                .map(e -> e.getType().name()).distinct().collect(java.util.stream.Collectors.joining(",", "[", "]"));
        final String stage = c.getStageChange() == null ? "" : "  STAGE " + c.getStageChange().getFrom() + " -> "
                + c.getStageChange().getTo();
        return String.format("%-16s %-26s cycle %3d  %s %s  %s %s  CE %s%s%s%s",
                c.getStationId() + "/" + c.getChannelId(), what, c.getCycleNumber(),
                lithium ? "plated" : "charge", capacity(lithium ? c.getDischarge() : c.getCharge()),
                lithium ? "stripped" : "discharge", capacity(lithium ? c.getCharge() : c.getDischarge()),
                c.getCePercent() == null ? "  n/a  " : String.format("%6.2f %%", c.getCePercent()),
                c.getComplete() ? "" : "  (incomplete)", events, stage);
    }

    private static String capacity(final HalfCycleSummary h) {
        return h == null ? "      -    " : String.format("%7.4f mAh", h.getCapacityMAh());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
