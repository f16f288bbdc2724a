package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unix domain sockets: {@code openUnixConnection}, {@code startUnixServer} and asyncio 3.13's socket-file clean-up. */
class UnixSocketsTest extends TestBase {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One client: sends {@code lines} lines, checks each echo, closes; the number echoed right. */
    private static dev.jasyncio.Coroutine<Integer> client(Path path, int id, int lines) {
        int[] ok = new int[1];
        int[] i = new int[1];
        StreamPair[] c = new StreamPair[1];
        return coro("client",
                v -> awaiting(Streams.openUnixConnection(path)),
                v -> {
                    c[0] = (StreamPair) v;
                    assertInstanceOf(UnixDomainSocketAddress.class, c[0].writer().getExtraInfo("peername"));
                    c[0].writer().write(bytes("client " + id + " line " + i[0] + "\n"));
                    return awaiting(c[0].reader().readline());
                },
                v -> {
                    if (new String((byte[]) v, StandardCharsets.UTF_8).equals("client " + id + " line " + i[0] + "\n")) {
                        ok[0]++;
                    }
                    if (++i[0] < lines) {
                        c[0].writer().write(bytes("client " + id + " line " + i[0] + "\n"));
                        return awaiting(c[0].reader().readline(), 2);
                    }
                    c[0].writer().close();
                    return awaiting(c[0].writer().waitClosed());
                },
                v -> ok[0]);
    }

    @Test
    void echoOverAUnixSocketAndTheFileIsRemovedOnClose() {
        Path path = dir.resolve("echo.sock");
        Server[] server = new Server[1];
        Object total = Asyncio.run(coro("main",
                v -> awaiting(Streams.startUnixServer(Net.echo(), path)),
                v -> {
                    server[0] = (Server) v;
                    assertTrue(Files.exists(path), "the socket file is made by bind");
                    List<dev.jasyncio.Coroutine<Integer>> clients = new ArrayList<>();
                    for (int id = 0; id < 20; id++) {
                        clients.add(client(path, id, 10));
                    }
                    return awaiting(gather(clients));
                },
                v -> {
                    int sum = ((List<?>) v).stream().mapToInt(x -> (Integer) x).sum();
                    server[0].close();
                    assertFalse(Files.exists(path), "close removes the socket file");
                    return awaiting(server[0].waitClosed(), 3);
                },
                v -> "closed"));
        assertEquals("closed", total);
    }

    @Test
    void echoCountsEveryLine() {
        Path path = dir.resolve("count.sock");
        Object sum = Asyncio.run(coro("main",
                v -> awaiting(Streams.startUnixServer(Net.echo(), path)),
                v -> {
                    Server s = (Server) v;
                    return awaiting(coro("clients", w -> awaiting(gather(client(path, 1, 5), client(path, 2, 5))),
                            w -> {
                                s.close();
                                return ((List<?>) w).stream().mapToInt(x -> (Integer) x).sum();
                            }));
                }));
        assertEquals(10, sum);
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path path = dir.resolve("stale.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(path));
        dead.close(); // as a crashed server: the file stays
        assertTrue(Files.exists(path));
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startUnixServer(Net.echo(), path)),
                v -> {
                    ((Server) v).close();
                    return "ok";
                }));
        assertEquals("ok", r);
        assertFalse(Files.exists(path));
    }

    @Test
    void aFileThatReplacedTheSocketIsLeftAlone() {
        Path path = dir.resolve("replaced.sock");
        Asyncio.run(coro("main",
                v -> awaiting(Streams.startUnixServer(Net.echo(), path)),
                v -> {
                    Files.delete(path);
                    Files.writeString(path, "someone else's");
                    ((Server) v).close();
                    return null;
                }));
        assertTrue(Files.exists(path), "not the server's file any more");
    }

    @Test
    void connectingToNothingFailsAtTheAwait() {
        Path path = dir.resolve("nobody.sock");
        Throwable[] got = new Throwable[1];
        Asyncio.run(coro("main", v -> awaiting(Streams.openUnixConnection(path)),
                dev.jasyncio.testing.Coro.catching((v, e) -> {
                    got[0] = e;
                    return null;
                })));
        assertInstanceOf(java.io.IOException.class, got[0]);
    }
}
