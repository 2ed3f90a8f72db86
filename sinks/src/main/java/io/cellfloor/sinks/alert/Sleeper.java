package io.cellfloor.sinks.alert;

import java.time.Duration;

/** Waits between retries; injected so tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
