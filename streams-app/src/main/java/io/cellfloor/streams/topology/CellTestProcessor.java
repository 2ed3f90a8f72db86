package io.cellfloor.streams.topology;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Registers each channel's {@link CellTest} in the store {@link CycleProcessor} reads it from (a null value
 * unregisters it), and dead-letters cell tests that cannot be read or are keyed by the wrong channel. A registry
 * that cannot answer is waited out ({@link RegistryOutage}), as for sample batches: a cell test is not bad data
 * because the registry is down, and with append-time topics it is often the first record a task reads.
 */
final class CellTestProcessor implements Processor<String, byte[], String, DeadLetter> {
    private final Codecs codecs;
    private final TopologyMetrics metrics;
    private final RegistryOutage registry;
    private ProcessorContext<String, DeadLetter> context;
    private KeyValueStore<String, byte[]> cellTests;

    CellTestProcessor(final Codecs codecs, final TopologyMetrics metrics) {
        this.codecs = codecs;
        this.metrics = metrics;
        this.registry = RegistryOutage.standard(metrics);
    }

    @Override
    public void init(final ProcessorContext<String, DeadLetter> context) {
        this.context = context;
        this.cellTests = context.getStateStore(CellfloorTopology.CELL_TEST_STORE);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.value() == null) {
            cellTests.delete(record.key());
            return;
        }
        final CellTest test;
        try {
            test = registry.await(() -> codecs.cellTests().deserialize(Topics.CELL_TESTS, record.value()));
            AvroMapping.cell(test);
        } catch (RegistryOutage.GaveUp e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetter(record, null, "unreadable cell test: " + e.getMessage());
            return;
        }
        if (!test.getChannelId().equals(record.key())) {
            deadLetter(record, test.getChannelId(), "cell test for channel " + test.getChannelId()
                    + " was keyed " + record.key() + "; key cell tests by channel id");
            return;
        }
        cellTests.put(record.key(), record.value());
        metrics.cellTests.increment();
    }

    private void deadLetter(final Record<String, byte[]> record, final String channel, final String reason) {
        metrics.deadLetters.increment();
        context.forward(new Record<>(record.key(), DeadLetters.of(context.recordMetadata(), record, channel, reason,
                -1), record.timestamp(), record.headers()), CellfloorTopology.DEAD_LETTER_SINK);
    }
}
