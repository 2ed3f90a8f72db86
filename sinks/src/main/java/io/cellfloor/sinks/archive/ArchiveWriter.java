package io.cellfloor.sinks.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives topics into Parquet: records stream into one open file per partition directory; a topic-partition's files
 * are published (synced, renamed) when they hold {@code maxRecords} or are {@code maxAge} old, on a rebalance and on
 * close, and then the partition's offset is committed. On assignment the writer resumes where the published files
 * end ({@link Recovery}), or at the committed offset if that is further, and removes only its own unfinished files
 * above that: a lost or deleted group offset neither deletes history nor writes it twice.
 */
public final class ArchiveWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);

    private final Consumer<String, byte[]> consumer;
    private final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final ArchiveMetrics metrics;
    private final Runnable beforeCommit;
    private final Map<TopicPartition, Segment> segments = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    public ArchiveWriter(final Consumer<String, byte[]> consumer,
                         final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers,
                         final ArchiveSettings settings, final Clock clock, final ArchiveMetrics metrics) {
        this(consumer, deserializers, settings, clock, metrics, () -> { });
    }

    /** {@code beforeCommit} runs between publishing and committing: the window a crash test aims at. */
    ArchiveWriter(final Consumer<String, byte[]> consumer,
                  final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers,
                  final ArchiveSettings settings, final Clock clock, final ArchiveMetrics metrics,
                  final Runnable beforeCommit) {
        this.consumer = consumer;
        this.deserializers = Map.copyOf(deserializers);
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.beforeCommit = beforeCommit;
    }

    public void subscribe() {
        consumer.subscribe(settings.topics().stream().map(ArchiveTopic::topic).toList(), new Rebalance());
    }

    /** Runs until {@link #stop()}; then publishes and commits what is open. */
    public void run() {
        subscribe();
        while (running.get()) {
            pollOnce(Duration.ofMillis(500));
        }
        publishAll();
    }

    public int pollOnce(final Duration timeout) {
        final ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        try {
            for (final ConsumerRecord<String, byte[]> r : records) {
                append(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive under " + settings.dir()
                    + " (disk full? permissions?); nothing uncommitted is lost, restart after fixing it", e);
        }
        final Set<TopicPartition> due = new HashSet<>();
        segments.forEach((tp, s) -> {
            if (s.records() >= settings.maxRecords()
                    || !clock.instant().isBefore(s.openedAt().plus(settings.maxAge()))) {
                due.add(tp);
            }
        });
        publish(due);
        long lag = 0;
        for (final TopicPartition tp : consumer.assignment()) {
            lag += consumer.currentLag(tp).orElse(0);
        }
        metrics.lag(lag);
        return records.count();
    }

    private void append(final ConsumerRecord<String, byte[]> r) throws IOException {
        final ArchiveTopic topic = ArchiveTopic.of(r.topic());
        final TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        final Segment segment = segments.computeIfAbsent(tp, k -> new Segment(settings.dir(), topic, r.partition(),
                r.offset(), clock.instant(), settings.rowGroupBytes(), writerId()));
        final SpecificRecordBase value;
        try {
            value = deserializers.get(topic).deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            // the streams app dead-letters unreadable input with its bytes; the archive keeps what can be read
            metrics.unreadable(topic);
            segment.skip(r.offset());
            return;
        }
        segment.append(value, r.offset(), r.timestamp());
    }

    public void publishAll() {
        publish(Set.copyOf(segments.keySet()));
    }

    private void publish(final Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (final TopicPartition tp : partitions) {
            final Segment s = segments.remove(tp);
            if (s == null || s.isEmpty()) {
                continue;
            }
            try {
                final Segment.Published p = s.publish();
                metrics.published(ArchiveTopic.of(tp.topic()), p);
                // the position, not the last record + 1: it also covers transaction markers, so lag reaches zero
                offsets.put(tp, new OffsetAndMetadata(Math.max(p.nextOffset(), consumer.position(tp))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish archive files of " + tp + " under " + settings.dir()
                        + "; they stay uncommitted and are rewritten after a restart", e);
            }
        }
        if (!offsets.isEmpty()) {
            beforeCommit.run();
            consumer.commitSync(offsets);
        }
    }

    /** Names this writer's temp files, so that another writer on the same directory leaves them alone. */
    private String writerId() {
        return PartitionPath.safe(settings.groupId());
    }

    /** The temp files currently open; for tests that abandon a writer mid-file. */
    List<Path> openTemps() {
        return segments.values().stream().flatMap(s -> s.temps().stream()).toList();
    }

    public void stop() {
        running.set(false);
    }

    @Override
    public void close() {
        stop();
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            publish(partitions);
        }

        @Override
        public void onPartitionsLost(final Collection<TopicPartition> partitions) {
            // another member owns them already: committing would be refused, so what is open is thrown away
            partitions.forEach(tp -> {
                final Segment s = segments.remove(tp);
                if (s != null) {
                    s.discard();
                }
            });
        }

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            final Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            final Map<TopicPartition, OffsetAndMetadata> published = new HashMap<>();
            for (final TopicPartition tp : partitions) {
                final Recovery.Result r;
                try {
                    r = Recovery.recover(settings.dir(), ArchiveTopic.of(tp.topic()), tp.partition(), writerId());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read or clean the archive files of " + tp + " under "
                            + settings.dir(), e);
                }
                final OffsetAndMetadata c = committed.get(tp);
                final long fromFiles = r.resumeAt().orElse(-1);
                // the group's offset only wins when it is ahead, e.g. files of the naming before end offsets
                final long resume = Math.max(fromFiles, c == null ? -1 : c.offset());
                if (resume >= 0) {
                    consumer.seek(tp, resume);
                }
                if (fromFiles > (c == null ? -1 : c.offset())) {
                    // a writer died between publishing and committing: its files are durable, so commit where they
                    // end, or a partition that gets no new record would keep the old offset (and a lag) for good
                    published.put(tp, new OffsetAndMetadata(fromFiles));
                }
                if (r.removed() > 0 || c == null || c.offset() != resume) {
                    LOG.info("archive {}: resuming at {} (files end at {}, group offset {}); removed {} unfinished "
                                    + "file(s) of this writer", tp, resume < 0 ? "the start" : resume,
                            fromFiles < 0 ? "-" : fromFiles, c == null ? "none" : c.offset(), r.removed());
                }
            }
            if (!published.isEmpty()) {
                consumer.commitSync(published);
            }
        }
    }
}
