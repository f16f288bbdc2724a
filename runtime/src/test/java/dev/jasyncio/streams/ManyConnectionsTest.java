package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.toThread;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One loop serving 10,000 concurrent echo connections on loopback, every byte checked. The clients run in a child
 * JVM ({@link EchoClients}): each end of a connection is a file descriptor, and both ends in one process would need
 * twice the limit. If this process may not open 10,000 descriptors more, the test scales down to what it may, and
 * says so on stderr.
 */
class ManyConnectionsTest extends TestBase {

    private static final int WANTED = 10_000;
    private static final int MAX_PAYLOAD = 4096;

    private int current;
    private int peak;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneLoopEchoesEveryByteOfTenThousandConcurrentConnections() throws Exception {
        int n = affordableConnections();
        ConnectionHandler counting = (r, w) -> {
            current++;
            peak = Math.max(peak, current);
            return coro("counted-echo",
                    v -> awaiting(Net.echo().handle(r, w)),
                    v -> awaiting(w.waitClosed()),
                    v -> {
                        current--;
                        return null;
                    });
        };
        Process[] child = new Process[1];
        String[] out = new String[1];
        try {
            int exit = Asyncio.run(coro("main",
                    v -> awaiting(Streams.startServer(counting, Net.HOST, 0, StreamReader.DEFAULT_LIMIT, 4096)),
                    v -> {
                        Server server = (Server) v;
                        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
                        child[0] = new ProcessBuilder(java, "-Xss256k", "-cp", System.getProperty("java.class.path"),
                                EchoClients.class.getName(), String.valueOf(Net.port(server)), String.valueOf(n),
                                String.valueOf(MAX_PAYLOAD)).redirectErrorStream(true).start();
                        return awaiting(toThread(() -> {
                            out[0] = new String(child[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            return child[0].waitFor();
                        }));
                    },
                    v -> v));
            assertEquals(0, exit, out[0]);
        } finally {
            if (child[0] != null) {
                child[0].destroyForcibly();
            }
        }
        assertTrue(out[0].startsWith("connected " + n + " ok " + n + " "), out[0]);
        assertEquals(n, peak, "every connection was open at the same time");
        assertEquals(0, current, "every connection was closed");
    }

    /** 10,000, or what the descriptor limit leaves room for (minus a margin for the JVM's own files). */
    private static int affordableConnections() {
        Object os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            com.sun.management.UnixOperatingSystemMXBean unix = (com.sun.management.UnixOperatingSystemMXBean) os;
            long room = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - 500;
            if (room < WANTED) {
                System.err.println("ManyConnectionsTest: the descriptor limit ("
                        + unix.getMaxFileDescriptorCount() + ") leaves room for " + room + " connections, not "
                        + WANTED + "; testing with " + room);
                return (int) Math.max(100, room);
            }
        }
        return WANTED;
    }
}
