package io.cellfloor.ingest.agent;

import java.time.Duration;

/**
 * How the agents wait between polls and while the spool is full; injected so that tests of the loops advance a fake
 * clock instead of sleeping. (The sinks module has its own for alert retries: the modules share no dependency
 * where one interface could live without dragging the other in.)
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
