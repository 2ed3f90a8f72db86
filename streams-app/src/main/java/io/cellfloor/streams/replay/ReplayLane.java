package io.cellfloor.streams.replay;

import io.cellfloor.streams.offline.OfflineRun;
import io.cellfloor.streams.offline.OutputRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One thread of a replay: its own topology ({@link OfflineRun}) over some of the samples partitions, so a replay
 * uses as many cores as it has lanes. Every channel lives in one partition and every partition in one lane, so a
 * channel's samples go through one topology in their offset order and its outputs are sent from one thread, in
 * order (the producer keeps the order of sends per partition whatever the thread). Nothing the replay writes
 * depends on more than one channel, so splitting the channels over topologies changes none of it.
 */
final class ReplayLane implements Runnable {
    private static final List<ConsumerRecord<String, byte[]>> END = List.of();

    private final OfflineRun run;
    private final ReplayRequest request;
    private final SampleWindow window;
    private final Map<Integer, ArrayDeque<ConsumerRecord<String, byte[]>>> pendingTests;
    private final Map<String, String> targets;
    private final Producer<String, byte[]> producer;
    private final ConcurrentMap<String, LongAdder> written;
    private final AtomicLong done;
    private final BlockingQueue<List<ConsumerRecord<String, byte[]>>> chunks = new ArrayBlockingQueue<>(4);
    private volatile Throwable failure;

    /**
     * @param pendingTests the cell tests of this lane's partitions, by partition, in offset order; consumed here
     * @param done records handled, added to as chunks are done (for the progress line)
     */
    ReplayLane(final OfflineRun run, final ReplayRequest request, final SampleWindow window,
               final Map<Integer, ArrayDeque<ConsumerRecord<String, byte[]>>> pendingTests,
               final Map<String, String> targets, final Producer<String, byte[]> producer,
               final ConcurrentMap<String, LongAdder> written, final AtomicLong done) {
        this.run = run;
        this.request = request;
        this.window = window;
        this.pendingTests = pendingTests;
        this.targets = targets;
        this.producer = producer;
        this.written = written;
        this.done = done;
    }

    /** Hands this lane the next records of its partitions; waits while it is four chunks behind. */
    void submit(final List<ConsumerRecord<String, byte[]>> chunk) throws InterruptedException {
        while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
    }

    /** No more records: the lane applies the cell tests left, sends the last outputs and ends. */
    void finish() throws InterruptedException {
        submit(END);
    }

    void throwIfFailed() {
        final Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t != null) {
            throw new IllegalStateException("a replay lane failed: " + t, t);
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                final List<ConsumerRecord<String, byte[]>> chunk = chunks.take();
                if (chunk == END) {
                    break;
                }
                for (final ConsumerRecord<String, byte[]> r : chunk) {
                    pipe(r);
                }
                forward();
                done.addAndGet(chunk.size());
            }
            for (final ArrayDeque<ConsumerRecord<String, byte[]>> queue : pendingTests.values()) {
                for (final ConsumerRecord<String, byte[]> t : queue) {
                    run.cellTest(t.key(), t.value(), t.timestamp());
                }
                queue.clear();
            }
            forward();
        } catch (final InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        } catch (final RuntimeException | Error e) {
            failure = e;
        }
    }

    /**
     * Kafka Streams takes the record with the lowest timestamp from a task's two partitions; cell tests are merged
     * into each samples partition the same way, so a cell test published after the samples it describes (by
     * timestamp) applies, as live, only from then on.
     */
    private void pipe(final ConsumerRecord<String, byte[]> r) {
        final ArrayDeque<ConsumerRecord<String, byte[]>> queue = pendingTests.get(r.partition());
        while (queue != null && !queue.isEmpty() && queue.peek().timestamp() <= r.timestamp()) {
            final ConsumerRecord<String, byte[]> t = queue.poll();
            run.cellTest(t.key(), t.value(), t.timestamp());
        }
        if (request.wants(r.key()) && window.contains(r)) {
            run.samples(r.key(), r.value(), r.timestamp(), r.headers());
        }
    }

    private void forward() throws InterruptedException {
        final List<Future<?>> sent = new ArrayList<>();
        for (final Map.Entry<String, String> e : targets.entrySet()) {
            final String target = e.getValue();
            for (final OutputRecord r : run.take(e.getKey())) {
                sent.add(producer.send(new ProducerRecord<>(target, null, r.timestampMs(), r.key(), r.value(),
                        r.headers())));
                written.get(target).increment();
            }
        }
        for (final Future<?> f : sent) {
            try {
                f.get();
            } catch (final ExecutionException ex) {
                throw new IllegalStateException("cannot write the replay's output (do the cellfloor.replay.* topics"
                        + " exist, may this principal write them?): " + ex.getCause().getMessage(), ex.getCause());
            }
        }
    }
}
