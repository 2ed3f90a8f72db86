package io.cellfloor.streams.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * The {@code channel-trace} store: a {@link ChannelTrace} per channel of the task, in memory only. It has no
 * changelog on purpose: the trace is a view of raw samples that are cheap to lose and costly to log, so after a
 * restart or a task moving to another instance the trace starts empty and fills as samples arrive. Queried through
 * {@link TraceStoreType}.
 */
public final class TraceStore implements StateStore, ReadableTraces {
    private final String name;
    private final Map<String, ChannelTrace> traces = new ConcurrentHashMap<>();
    private volatile boolean open;

    TraceStore(final String name) {
        this.name = name;
    }

    /** Keeps this batch's thinned points; called once per accepted batch by the cycle processor. */
    void append(final String channel, final long[] t, final double[] v, final double[] i) {
        traces.computeIfAbsent(channel, c -> new ChannelTrace()).append(t, v, i);
    }

    @Override
    public ChannelTrace.Snapshot trace(final String channel) {
        final ChannelTrace trace = traces.get(channel);
        return trace == null ? null : trace.snapshot();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(final StateStoreContext context, final StateStore root) {
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void close() {
        traces.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
