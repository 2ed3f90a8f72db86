package io.cellfloor.streams.topology;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.StepType;
import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.CycleAssembler;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.CycleState;
import io.cellfloor.domain.ReorderBuffer;
import io.cellfloor.domain.Sample;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.serde.SampleColumns;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per channel: keeps the channel's {@link CellTest} and {@link CycleState}, runs each sample batch through the
 * domain's {@link CycleAssembler}, forwards closed cycles, and turns whatever cannot be processed into dead
 * letters with the reason. It is fed by two co-partitioned sources (samples and cell tests), told apart by topic.
 */
final class CycleProcessor implements Processor<String, byte[], String, Object> {
    private final Codecs codecs;
    private final CycleRules rules;
    private final long sampleGraceMs;
    private final TopologyMetrics metrics;
    /** Decoded cell specs of this task's channels; the store is the truth, this only saves decoding. */
    private final Map<String, CellTest> cellTestCache = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<String, byte[]> cellTests;
    private KeyValueStore<String, ChannelStatus> statuses;
    private KeyValueStore<String, byte[]> buffers;
    private TraceStore trace;

    CycleProcessor(final Codecs codecs, final TopologySettings settings, final TopologyMetrics metrics) {
        this.codecs = codecs;
        this.rules = settings.rules();
        this.sampleGraceMs = settings.sampleGrace().toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(final ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(CellfloorTopology.CYCLE_STATE_STORE);
        this.cellTests = context.getStateStore(CellfloorTopology.CELL_TEST_STORE);
        this.statuses = context.getStateStore(CellfloorTopology.CHANNEL_STATUS_STORE);
        this.buffers = context.getStateStore(CellfloorTopology.SAMPLE_BUFFER_STORE);
        this.trace = context.getStateStore(CellfloorTopology.TRACE_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        final String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.SAMPLES);
        if (topic.equals(Topics.CELL_TESTS)) {
            registerCellTest(record);
        } else {
            processBatch(record);
        }
    }

    private void registerCellTest(final Record<String, byte[]> record) {
        if (record.value() == null) {
            cellTests.delete(record.key());
            cellTestCache.remove(record.key());
            return;
        }
        final CellTest test;
        try {
            test = codecs.cellTests().deserialize(Topics.CELL_TESTS, record.value());
            AvroMapping.cell(test);
        } catch (RuntimeException e) {
            deadLetter(record, null, "unreadable cell test: " + e.getMessage(), -1);
            return;
        }
        if (!test.getChannelId().equals(record.key())) {
            deadLetter(record, test.getChannelId(), "cell test for channel " + test.getChannelId()
                    + " was keyed " + record.key() + "; key cell tests by channel id", -1);
            return;
        }
        cellTests.put(record.key(), record.value());
        cellTestCache.put(record.key(), test);
        metrics.cellTests.increment();
    }

    private void processBatch(final Record<String, byte[]> record) {
        metrics.batchesIn.increment();
        final SampleColumns batch;
        try {
            batch = codecs.samples().deserialize(Topics.SAMPLES, record.value());
            if (batch == null) {
                throw new IllegalArgumentException("the record has no value");
            }
        } catch (RuntimeException e) {
            metrics.recordsUnreadable.increment();
            deadLetter(record, null, "unreadable sample batch: " + e.getMessage(), -1);
            return;
        }
        final int n = batch.size();
        metrics.samplesIn.increment(n);
        final String problem = structuralProblem(record.key(), batch, n);
        if (problem != null) {
            reject(record, batch, problem, n);
            return;
        }
        final String channel = batch.channelId();
        final byte[] stored = states.get(channel);
        final CycleState state = stored == null ? new CycleState() : CycleState.decode(stored);
        final byte[] held = buffers.get(channel);
        ReorderBuffer buffer = held == null ? new ReorderBuffer() : ReorderBuffer.decode(held);
        final CellSpec cell = cell(channel, batch.testId());
        final List<Cycle> closed = new ArrayList<>();
        if (!state.testId().equals(batch.testId())) {
            if (!state.testId().isEmpty()) {
                final CellSpec previous = cell(channel, state.testId());
                final CycleAssembler old = new CycleAssembler(rules, previous, state, closed::add);
                buffer.releaseAll(old::accept);
                old.finish();
                forwardCycles(record, batch.stationId(), channel, state.testId(), previous, closed);
                closed.clear();
                buffer = new ReorderBuffer();
            }
            state.reset(batch.testId());
            state.lastSequence(-1);
        }
        if (batch.sequence() <= state.lastSequence()) {
            reject(record, batch, "duplicate batch: sequence " + batch.sequence() + " of test " + batch.testId()
                    + " was already processed (last " + state.lastSequence() + ")", n);
        } else {
            state.lastSequence(batch.sequence());
            final CycleAssembler assembler = new CycleAssembler(rules, cell, state, closed::add);
            final int rejected = feed(assembler, buffer, batch, n, record);
            if (batch.endOfTest()) {
                buffer.releaseAll(assembler::accept);
                assembler.finish();
            }
            metrics.samplesAccepted.increment(n - rejected);
            trace.append(channel, batch.timestampMs(), batch.voltageV(), batch.currentA());
        }
        states.put(channel, state.encode());
        if (buffer.size() > 0) {
            buffers.put(channel, buffer.encode());
        } else if (held != null) {
            buffers.delete(channel);
        }
        forwardCycles(record, batch.stationId(), channel, batch.testId(), cell, closed);
    }

    private static String structuralProblem(final String key, final SampleColumns b, final int n) {
        if (!b.channelId().equals(key)) {
            return "batch for channel " + b.channelId() + " was keyed " + key + "; key batches by channel id";
        }
        if (b.currentA().length != n || b.voltageV().length != n
                || b.stepType() != null && b.stepType().length != n
                || b.cycleIndex() != null && b.cycleIndex().length != n) {
            return "column lengths differ: " + n + " timestamps, " + b.currentA().length + " currents, "
                    + b.voltageV().length + " voltages";
        }
        return null;
    }

    /**
     * Checks each sample, holds the valid ones in the reorder buffer and releases what has waited out the grace;
     * returns how many were rejected, with one dead letter naming the first reason.
     */
    private int feed(final CycleAssembler a, final ReorderBuffer buffer, final SampleColumns b, final int n,
                     final Record<String, byte[]> record) {
        final long[] t = b.timestampMs();
        final double[] current = b.currentA();
        final double[] voltage = b.voltageV();
        final int[] cycleIndex = b.cycleIndex();
        final StepType[] stepType = b.stepType();
        // Nothing to hold back and nothing to reorder (the usual batch): straight into the assembler. Same result
        // as through the buffer, which would release the whole sorted batch at once, without copying it there.
        final boolean direct = sampleGraceMs == 0 && buffer.size() == 0 && inTimeOrder(t, n);
        final ReorderBuffer.Sink next = direct ? a::accept : buffer::offer;
        int rejected = 0;
        String firstReason = null;
        for (int k = 0; k < n; k++) {
            final long tk = t[k];
            final double ik = current[k];
            final double vk = voltage[k];
            final String why = a.check(tk, ik, vk);
            if (why == null) {
                next.accept(tk, ik, vk, cycleIndex == null ? Sample.NO_INDEX : cycleIndex[k],
                        stepType == null ? null : AvroMapping.direction(stepType[k]));
            } else if (rejected++ == 0) {
                firstReason = "sample " + k + ": " + why;
            }
        }
        if (!direct) {
            buffer.release(sampleGraceMs, a::accept);
        }
        if (rejected > 0) {
            metrics.samplesRejected.increment(rejected);
            deadLetter(record, b.channelId(), rejected + " of " + n + " samples rejected; first: " + firstReason,
                    rejected);
        }
        return rejected;
    }

    private static boolean inTimeOrder(final long[] t, final int n) {
        for (int k = 1; k < n; k++) {
            if (t[k] < t[k - 1]) {
                return false;
            }
        }
        return true;
    }

    private void reject(final Record<String, byte[]> record, final SampleColumns batch, final String reason, final int n) {
        metrics.samplesRejected.increment(n);
        deadLetter(record, batch.channelId(), reason, n);
    }

    /** The cell registered for this channel and test, or null when none is. */
    private CellSpec cell(final String channel, final String testId) {
        final CellTest test = cellTest(channel);
        return test != null && test.getTestId().equals(testId) ? AvroMapping.cell(test) : null;
    }

    private CellTest cellTest(final String channel) {
        CellTest test = cellTestCache.get(channel);
        if (test == null) {
            final byte[] bytes = cellTests.get(channel);
            if (bytes != null) {
                test = codecs.cellTests().deserialize(Topics.CELL_TESTS, bytes);
                cellTestCache.put(channel, test);
            }
        }
        return test;
    }

    private void forwardCycles(final Record<String, byte[]> record, final String station, final String channel,
                               final String testId, final CellSpec cell, final List<Cycle> cycles) {
        if (cycles.isEmpty()) {
            return;
        }
        final double area = cell == null ? Double.NaN : cell.areaCm2();
        ChannelStatus status = statuses.get(channel);
        for (final Cycle c : cycles) {
            metrics.cyclesClosed.increment();
            forward(record, channel, AvroMapping.summary(station, channel, testId, area, c), c.endMs(),
                    CellfloorTopology.CYCLES_SINK);
            for (final BreakdownEvent e : c.events()) {
                metrics.breakdownEvents.increment();
                forward(record, channel, AvroMapping.event(station, channel, testId, e), e.startMs(),
                        CellfloorTopology.EVENTS_SINK);
            }
            if (c.stageChange() != null) {
                metrics.stageChanges.increment();
                forward(record, channel, AvroMapping.stageChange(station, channel, testId, c.endMs(), c.stageChange()),
                        c.endMs(), CellfloorTopology.STAGE_CHANGES_SINK);
                final Alert alert = AlertFactory.alert(station, channel, testId, cell, c, c.stageChange());
                forward(record, alert.getDedupKey(), alert, c.endMs(), CellfloorTopology.ALERTS_SINK);
            }
            status = ChannelStatusUpdate.apply(status, station, channel, testId, cell, c);
        }
        statuses.put(channel, status);
        forward(record, channel, status, status.getUpdatedMs(), CellfloorTopology.STATUS_SINK);
    }

    private void forward(final Record<String, byte[]> cause, final String key, final Object value, final long timestamp,
                         final String sink) {
        context.forward(new Record<>(key, value, timestamp, cause.headers()), sink);
    }

    private void deadLetter(final Record<String, byte[]> record, final String channel, final String reason,
                            final int rejectedSamples) {
        metrics.deadLetters.increment();
        final RecordMetadata meta = context.recordMetadata().orElse(null);
        final DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(meta == null ? "" : meta.topic())
                .setPartition(meta == null ? -1 : meta.partition())
                .setOffset(meta == null ? -1 : meta.offset())
                .setKey(record.key())
                .setChannelId(channel)
                .setReason(reason)
                .setRejectedSamples(rejectedSamples)
                .setPayload(ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value()))
                .build();
        forward(record, record.key(), letter, record.timestamp(), CellfloorTopology.DEAD_LETTER_SINK);
    }
}
