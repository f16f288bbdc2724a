package dev.jasyncio.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;

/** Helpers for the loopback tests. */
final class Net {

    static final String HOST = "127.0.0.1";

    private Net() {
    }

    /** The port a server listens on. */
    static int port(Server server) {
        try {
            return ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on (bound, then closed). */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends back every byte until the peer's EOF, then closes. */
    static ConnectionHandler echo() {
        return (r, w) -> coro("echo",
                v -> awaiting(r.read(65536)),
                v -> {
                    byte[] d = (byte[]) v;
                    if (d.length == 0) {
                        w.close();
                        return null;
                    }
                    w.write(d);
                    return awaiting(w.drain());
                },
                v -> awaiting(r.read(65536), 1));
    }
}
