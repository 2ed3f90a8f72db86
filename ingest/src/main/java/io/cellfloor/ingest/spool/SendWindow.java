package io.cellfloor.ingest.spool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The {@link SpoolDrainer}'s records between send and acknowledgement, in spool order. Kafka's callbacks mark them
 * acknowledged or failed on the producer's thread; the drainer's thread adds at the back and takes the
 * acknowledged prefix off the front, so the drained position only ever moves over records Kafka has. One lock
 * guards the states, and the drainer waits on it for the next callback.
 */
final class SendWindow {
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Object lock = new Object();
    private volatile long oldestAppendedAtMs = -1;
    private volatile Throwable lastFailure;

    enum State {
        IN_FLIGHT,
        ACKED,
        FAILED
    }

    /** One record sent, and the spool position just after it. */
    static final class Entry {
        final SpoolRecord record;
        final SpoolPosition end;
        volatile State state;

        Entry(final SpoolRecord record, final SpoolPosition end) {
            this.record = record;
            this.end = end;
        }
    }

    /** Adds the next record read from the spool; the caller sends it. */
    Entry add(final SpoolRecord record, final SpoolPosition end) {
        final Entry e = new Entry(record, end);
        entries.addLast(e);
        if (oldestAppendedAtMs < 0) {
            oldestAppendedAtMs = record.appendedAtMs();
        }
        return e;
    }

    int size() {
        return entries.size();
    }

    void acked(final Entry e) {
        synchronized (lock) {
            e.state = State.ACKED;
            lock.notifyAll();
        }
    }

    void failed(final Entry e, final Throwable cause) {
        synchronized (lock) {
            e.state = State.FAILED;
            lastFailure = cause;
            lock.notifyAll();
        }
    }

    /** Removes and returns the acknowledged records at the front, oldest first. */
    List<Entry> popAcked() {
        final List<Entry> out = new ArrayList<>();
        synchronized (lock) {
            while (!entries.isEmpty() && entries.peekFirst().state == State.ACKED) {
                out.add(entries.removeFirst());
            }
            oldestAppendedAtMs = entries.isEmpty() ? -1 : entries.peekFirst().record.appendedAtMs();
        }
        return out;
    }

    boolean hasFailed() {
        return count(State.FAILED) > 0;
    }

    int inFlight() {
        return count(State.IN_FLIGHT);
    }

    private int count(final State state) {
        synchronized (lock) {
            int n = 0;
            for (final Entry e : entries) {
                n += e.state == state ? 1 : 0;
            }
            return n;
        }
    }

    /** The failed records, in spool order, to send again. */
    List<Entry> failedEntries() {
        synchronized (lock) {
            return entries.stream().filter(e -> e.state == State.FAILED).toList();
        }
    }

    /** Waits up to {@code ms} for a callback (or just waits, when none is due). */
    void await(final long ms) throws InterruptedException {
        synchronized (lock) {
            lock.wait(ms);
        }
    }

    long oldestAppendedAtMs() {
        return oldestAppendedAtMs;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    void lastFailure(final Throwable failure) {
        lastFailure = failure;
    }
}
