package io.cellfloor.streams.topology;

import io.cellfloor.domain.BatchOutcome;
import io.cellfloor.domain.ChannelSession;
import io.cellfloor.domain.CycleState;
import io.cellfloor.domain.ReorderBuffer;
import io.cellfloor.domain.StateCodec;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.serde.SampleColumns;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per channel, per sample batch: decodes the batch, restores the channel's state, lets the domain's
 * {@link ChannelSession} apply the batch, stores the state and forwards what it produced (cycles and what follows
 * from them through {@link CycleOutputs}, rejections as dead letters). Whatever cannot be processed becomes a dead
 * letter with the reason instead of failing the task; a registry that cannot answer is waited for
 * ({@link RegistryOutage}), since what it could not decode is not bad data.
 */
final class CycleProcessor implements Processor<String, byte[], String, SpecificRecord> {
    private final Codecs codecs;
    private final ChannelSession session;
    private final TopologyMetrics metrics;
    private final RegistryOutage registry;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<String, byte[]> buffers;
    private CellTestLookup cells;
    private CycleOutputs outputs;
    private TraceStore trace;

    CycleProcessor(final Codecs codecs, final TopologySettings settings, final TopologyMetrics metrics) {
        this.codecs = codecs;
        this.session = new ChannelSession(settings.rules(), settings.sampleGrace().toMillis());
        this.metrics = metrics;
        this.registry = RegistryOutage.standard(metrics);
    }

    @Override
    public void init(final ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.states = context.getStateStore(CellfloorTopology.CYCLE_STATE_STORE);
        this.buffers = context.getStateStore(CellfloorTopology.SAMPLE_BUFFER_STORE);
        this.cells = new CellTestLookup(codecs, context.getStateStore(CellfloorTopology.CELL_TEST_STORE));
        this.outputs = new CycleOutputs(context, context.getStateStore(CellfloorTopology.CHANNEL_STATUS_STORE),
                metrics);
        this.trace = context.getStateStore(CellfloorTopology.TRACE_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        metrics.batchesIn.increment();
        final SampleColumns batch;
        try {
            batch = registry.await(() -> codecs.samples().deserialize(Topics.SAMPLES, record.value()));
            if (batch == null) {
                throw new IllegalArgumentException("the record has no value");
            }
        } catch (RegistryOutage.GaveUp e) {
            throw e;
        } catch (RuntimeException e) {
            metrics.recordsUnreadable.increment();
            deadLetter(record, null, "unreadable sample batch: " + e.getMessage(), -1);
            return;
        }
        final int n = batch.size();
        metrics.samplesIn.increment(n);
        final String problem = ColumnsBatch.structuralProblem(record.key(), batch, n);
        if (problem != null) {
            metrics.samplesRejected.increment(n);
            deadLetter(record, batch.channelId(), problem, n);
            return;
        }
        final String channel = batch.channelId();
        final byte[] stored = states.get(channel);
        final CycleState state = stored == null ? new CycleState() : StateCodec.decodeCycleState(stored);
        final byte[] held = buffers.get(channel);
        final ReorderBuffer buffer = held == null ? new ReorderBuffer() : StateCodec.decodeReorderBuffer(held);
        final BatchOutcome outcome = session.process(state, buffer, new ColumnsBatch(batch), cells.of(channel));
        outputs.forward(record, batch.stationId(), channel, outcome.finishedTest());
        if (outcome.rejection() != null) {
            metrics.samplesRejected.increment(outcome.rejection().samples());
            deadLetter(record, channel, outcome.rejection().reason(), outcome.rejection().samples());
        }
        if (outcome.applied()) {
            metrics.samplesAccepted.increment(outcome.accepted());
            trace.append(channel, batch.timestampMs(), batch.voltageV(), batch.currentA());
        }
        states.put(channel, StateCodec.encode(state));
        if (buffer.size() > 0) {
            buffers.put(channel, StateCodec.encode(buffer));
        } else if (held != null) {
            buffers.delete(channel);
        }
        outputs.forward(record, batch.stationId(), channel, outcome.cycles());
    }

    private void deadLetter(final Record<String, byte[]> record, final String channel, final String reason,
                            final int rejectedSamples) {
        metrics.deadLetters.increment();
        context.forward(new Record<>(record.key(), DeadLetters.of(context.recordMetadata(), record, channel, reason,
                rejectedSamples), record.timestamp(), record.headers()), CellfloorTopology.DEAD_LETTER_SINK);
    }
}
