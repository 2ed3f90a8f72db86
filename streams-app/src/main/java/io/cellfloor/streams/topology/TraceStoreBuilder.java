package io.cellfloor.streams.topology;

import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds the in-memory {@link TraceStore}; logging and caching stay off whatever is asked. */
final class TraceStoreBuilder implements StoreBuilder<TraceStore> {
    private final String name;

    TraceStoreBuilder(final String name) {
        this.name = name;
    }

    @Override
    public StoreBuilder<TraceStore> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<TraceStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<TraceStore> withLoggingEnabled(final Map<String, String> config) {
        return this;
    }

    @Override
    public StoreBuilder<TraceStore> withLoggingDisabled() {
        return this;
    }

    @Override
    public TraceStore build() {
        return new TraceStore(name);
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
