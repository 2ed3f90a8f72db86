package io.cellfloor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port on the loopback address.
 *
 * <p>Ports are picked once, when a cluster is built, and then kept: a broker restarted by a fault test
 * must come back on the same address so that clients already holding it reconnect on their own.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** Returns a port that was free on 127.0.0.1 a moment ago (another process could still take it). */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1; is the loopback interface up?", e);
        }
    }
}
