package io.cellfloor.streams.topology;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.ClosedCycles;
import io.cellfloor.domain.Cycle;
import io.cellfloor.schema.AvroMapping;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the cycles a batch closed into the records detection publishes, each to its own sink: the cycle summary,
 * its breakdown events, a stage change with its alert, and the channel's updated status (kept in its store).
 */
final class CycleOutputs {
    private final ProcessorContext<String, SpecificRecord> context;
    private final KeyValueStore<String, ChannelStatus> statuses;
    private final TopologyMetrics metrics;

    CycleOutputs(final ProcessorContext<String, SpecificRecord> context,
                 final KeyValueStore<String, ChannelStatus> statuses, final TopologyMetrics metrics) {
        this.context = context;
        this.statuses = statuses;
        this.metrics = metrics;
    }

    void forward(final Record<String, byte[]> cause, final String station, final String channel,
                 final ClosedCycles closed) {
        if (closed == null || closed.cycles().isEmpty()) {
            return;
        }
        final String testId = closed.testId();
        final double area = closed.cell() == null ? Double.NaN : closed.cell().areaCm2();
        ChannelStatus status = statuses.get(channel);
        for (final Cycle c : closed.cycles()) {
            metrics.cyclesClosed.increment();
            send(cause, channel, AvroMapping.summary(station, channel, testId, area, c), c.endMs(),
                    CellfloorTopology.CYCLES_SINK);
            for (final BreakdownEvent e : c.events()) {
                metrics.breakdownEvents.increment();
                send(cause, channel, AvroMapping.event(station, channel, testId, e), e.startMs(),
                        CellfloorTopology.EVENTS_SINK);
            }
            if (c.stageChange() != null) {
                metrics.stageChanges.increment();
                send(cause, channel, AvroMapping.stageChange(station, channel, testId, c.endMs(), c.stageChange()),
                        c.endMs(), CellfloorTopology.STAGE_CHANGES_SINK);
                final Alert alert = AlertFactory.alert(station, channel, testId, closed.cell(), c, c.stageChange());
                send(cause, alert.getDedupKey(), alert, c.endMs(), CellfloorTopology.ALERTS_SINK);
            }
            status = ChannelStatusUpdate.apply(status, station, channel, testId, closed.cell(), c);
        }
        statuses.put(channel, status);
        send(cause, channel, status, status.getUpdatedMs(), CellfloorTopology.STATUS_SINK);
    }

    private void send(final Record<String, byte[]> cause, final String key, final SpecificRecord value,
                      final long timestamp, final String sink) {
        context.forward(new Record<>(key, value, timestamp, cause.headers()), sink);
    }
}
