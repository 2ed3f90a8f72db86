package io.cellfloor.bench;

import io.cellfloor.schema.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * {@link TrivialExactlyOnce} running beside cellfloor's apps in the throughput benchmark: started paused, resumed
 * only for its turn in a pass, and timed the way the harness times the detection app (from its first processed
 * record to the last, then to the commit of the input topic's end). It counts records, not samples (it never decodes
 * a batch), so a pass's rate is the pass's published samples over the time it took to drain the topic's records.
 */
final class TrivialRun implements AutoCloseable {
    private final LongAdder records = new LongAdder();
    private final KafkaStreams streams;
    private final String applicationId;
    private final String bootstrap;
    private volatile Throwable failure;

    private TrivialRun(final Properties props) {
        this.streams = new KafkaStreams(TrivialExactlyOnce.topology(records), props);
        this.applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.bootstrap = props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Starts the trivial app paused, with the full system's {@code props} but an application id of its own. */
    static TrivialRun startPaused(final Properties fullSystem) {
        final TrivialRun run = new TrivialRun(TrivialExactlyOnce.properties(fullSystem));
        run.streams.pause();
        run.streams.start();
        return run;
    }

    /** Resumes the app, times it until it has processed and committed the samples topic to its end, pauses it. */
    Rates drain(final double samples) throws Exception {
        final long target = CommitWatch.end(bootstrap, Topics.SAMPLES);
        final long before = records.sum();
        final long deadline = System.nanoTime() + 300_000_000_000L;
        streams.resume();
        long first = 0;
        Map<String, Double> atFirst = Map.of();
        Map<Long, Map.Entry<String, Long>> cpuAtFirst = Map.of();
        while (records.sum() < target) {
            if (failure != null) {
                throw new IllegalStateException("the trivial app failed: " + failure.getMessage(), failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the trivial app processed " + records.sum() + " of " + target
                        + " records in 5 minutes; streams state " + streams.state());
            }
            if (first == 0 && records.sum() > before) {
                first = System.nanoTime();
                atFirst = StreamsBreakdown.snapshot(streams);
                cpuAtFirst = ThreadCpu.snapshot();
            }
            Thread.sleep(1);
        }
        final double seconds = (System.nanoTime() - first) / 1e9;
        final Map<Long, Map.Entry<String, Long>> cpuAtEnd = ThreadCpu.snapshot();
        CommitWatch.awaitEnd(bootstrap, applicationId, Topics.SAMPLES, deadline);
        final double committedSeconds = (System.nanoTime() - first) / 1e9;
        streams.pause();
        System.out.printf("trivial exactly-once app: %,d records (%,.0f samples) processed in %.2f s, %,.0f samples/s; "
                        + "committed after %.2f s, %,.0f samples/s%n", target - before, samples, seconds,
                samples / seconds, committedSeconds, samples / committedSeconds);
        System.out.println(ThreadCpu.between(cpuAtFirst, cpuAtEnd));
        System.out.println(StreamsBreakdown.between(atFirst, StreamsBreakdown.snapshot(streams)));
        return new Rates(samples / seconds, samples / committedSeconds, samples / committedSeconds);
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
