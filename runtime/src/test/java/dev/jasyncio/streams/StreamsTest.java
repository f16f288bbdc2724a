package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.IncompleteReadError;
import dev.jasyncio.Task;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.waitFor;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections on loopback: {@code openConnection}, {@code startServer}, the reader and writer over sockets. */
class StreamsTest extends TestBase {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(Object b) {
        return new String((byte[]) b, StandardCharsets.UTF_8);
    }

    @Test
    void echoRoundTrip() {
        Server[] server = new Server[1];
        StreamPair[] c = new StreamPair[1];
        String r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), Net.HOST, 0)),
                v -> {
                    server[0] = (Server) v;
                    assertTrue(server[0].isServing());
                    return awaiting(Streams.openConnection(Net.HOST, Net.port(server[0])));
                },
                v -> {
                    c[0] = (StreamPair) v;
                    c[0].writer().write(bytes("hello\nworld\n"));
                    return awaiting(c[0].reader().readline());
                },
                v -> {
                    expect(1);
                    assertEquals("hello\n", str(v));
                    InetSocketAddress peer = (InetSocketAddress) c[0].writer().getExtraInfo("peername");
                    assertEquals(Net.port(server[0]), peer.getPort());
                    assertInstanceOf(SocketChannel.class, c[0].writer().getExtraInfo("socket"));
                    return awaiting(c[0].reader().readexactly(6));
                },
                v -> {
                    expect(2);
                    assertEquals("world\n", str(v));
                    c[0].writer().close();
                    assertTrue(c[0].writer().isClosing());
                    return awaiting(c[0].writer().waitClosed());
                },
                v -> {
                    server[0].close();
                    return awaiting(server[0].waitClosed());
                },
                v -> "done"));
        finish(3);
        assertEquals("done", r);
        assertFalse(server[0].isServing());
        assertEquals(0, server[0].sockets().size());
    }

    @Test
    void connectionRefusedSurfacesAtTheAwait() {
        int port = Net.closedPort();
        Throwable[] got = new Throwable[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.openConnection(Net.HOST, port)),
                catching((v, e) -> {
                    got[0] = e;
                    return null;
                })));
        assertInstanceOf(ConnectException.class, got[0]);
    }

    @Test
    void halfCloseLetsThePeerAnswerAfterOurEof() {
        ConnectionHandler upper = (r, w) -> coro("upper",
                v -> awaiting(r.read()),
                v -> {
                    w.write(bytes(str(v).toUpperCase() + ":done"));
                    w.close();
                    return awaiting(w.waitClosed());
                });
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(upper, Net.HOST, 0)),
                v -> awaiting(Streams.openConnection(Net.HOST, Net.port((Server) v))),
                v -> {
                    StreamPair c = (StreamPair) v;
                    assertTrue(c.writer().canWriteEof());
                    c.writer().write(bytes("request"));
                    c.writer().writeEof();
                    assertThrows(IllegalStateException.class, () -> c.writer().write(bytes("late")));
                    return awaiting(c.reader().read());
                },
                v -> str(v)));
        assertEquals("REQUEST:done", r);
    }

    @Test
    void readsPastTheEndOfAConnection() {
        ConnectionHandler abc = (r, w) -> {
            w.write(bytes("abc"));
            w.close();
            return null;
        };
        StreamPair[] c = new StreamPair[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(abc, Net.HOST, 0)),
                v -> awaiting(Streams.openConnection(Net.HOST, Net.port((Server) v))),
                v -> {
                    c[0] = (StreamPair) v;
                    return awaiting(c[0].reader().readexactly(5));
                },
                catching((v, e) -> {
                    IncompleteReadError ire = (IncompleteReadError) e;
                    assertEquals("abc", str(ire.partial()));
                    assertEquals(5, ire.expected());
                    return awaiting(c[0].reader().read());
                }),
                v -> {
                    assertEquals(0, ((byte[]) v).length);
                    assertTrue(c[0].reader().atEof());
                    return awaiting(c[0].reader().readline());
                },
                v -> {
                    assertEquals(0, ((byte[]) v).length);
                    return awaiting(c[0].reader().read(10));
                },
                v -> {
                    assertEquals(0, ((byte[]) v).length);
                    c[0].writer().close();
                    return null;
                }));
    }

    /** A read cancelled by a timeout takes nothing: the bytes that came before and after it are all read later. */
    @Test
    void aCancelledReadLosesNoData() {
        ConnectionHandler halves = (r, w) -> coro("halves",
                v -> {
                    w.write(bytes("01234"));
                    return awaiting(r.readline());
                },
                v -> {
                    w.write(bytes("56789"));
                    return awaiting(w.drain());
                });
        StreamPair[] c = new StreamPair[1];
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(halves, Net.HOST, 0)),
                v -> awaiting(Streams.openConnection(Net.HOST, Net.port((Server) v))),
                v -> {
                    c[0] = (StreamPair) v;
                    return awaiting(waitFor(c[0].reader().readexactly(10), 0.2));
                },
                catching((v, e) -> {
                    assertInstanceOf(TimeoutError.class, e, "only half the bytes came before the timeout");
                    c[0].writer().write(bytes("go\n"));
                    return awaiting(c[0].reader().readexactly(10));
                }),
                v -> {
                    c[0].writer().close();
                    return str(v);
                }));
        assertEquals("0123456789", r);
    }

    @Test
    void aHandlerThatThrowsIsReportedAndTheServerKeepsServing() {
        ValueError boom = new ValueError("boom");
        List<Map<String, Object>> reported = new ArrayList<>();
        int[] connections = {0};
        ConnectionHandler handler = (r, w) -> {
            if (connections[0]++ == 0) {
                return coro("failing", v -> awaiting(r.readline()), v -> {
                    throw boom;
                });
            }
            return Net.echo().handle(r, w);
        };
        Server[] server = new Server[1];
        StreamPair[] c = new StreamPair[2];
        Object r = Asyncio.run(coro("main",
                v -> {
                    getRunningLoop().setExceptionHandler((loop, context) -> reported.add(context));
                    return awaiting(Streams.startServer(handler, Net.HOST, 0));
                },
                v -> {
                    server[0] = (Server) v;
                    return awaiting(Streams.openConnection(Net.HOST, Net.port(server[0])));
                },
                v -> {
                    c[0] = (StreamPair) v;
                    c[0].writer().write(bytes("trigger\n"));
                    return awaiting(c[0].reader().read());
                },
                v -> {
                    assertEquals(0, ((byte[]) v).length, "the failed handler's connection is closed");
                    return awaiting(Streams.openConnection(Net.HOST, Net.port(server[0])));
                },
                v -> {
                    c[1] = (StreamPair) v;
                    c[1].writer().write(bytes("still serving\n"));
                    return awaiting(c[1].reader().readline());
                },
                v -> {
                    c[0].writer().close();
                    c[1].writer().close();
                    server[0].close();
                    return str(v);
                }));
        assertEquals("still serving\n", r);
        assertEquals(1, reported.size(), reported.toString());
        assertEquals("Unhandled exception in client_connected_cb", reported.get(0).get("message"));
        assertSame(boom, reported.get(0).get("exception"));
        assertNotNull(reported.get(0).get("transport"));
    }

    /** The peer goes away while the server is writing: drain fails there, and the server serves the next one. */
    @Test
    void aClientThatDisconnectsMidWrite() {
        Throwable[] serverSaw = new Throwable[2];
        int[] connections = {0};
        byte[] chunk = new byte[256 * 1024];
        ConnectionHandler flood = (r, w) -> {
            int n = connections[0]++;
            if (n == 1) {
                // The second client sends half a frame and leaves.
                return coro("half-frame", v -> awaiting(r.readexactly(100)), catching((v, e) -> {
                    serverSaw[1] = e;
                    w.close();
                    return null;
                }));
            }
            if (n == 2) {
                return Net.echo().handle(r, w);
            }
            return coro("flood", v -> {
                w.write(chunk);
                return awaiting(w.drain());
            }, catching((v, e) -> {
                if (e != null) {
                    serverSaw[0] = e;
                    return null;
                }
                w.write(chunk);
                return awaiting(w.drain(), 1);
            }));
        };
        Server[] server = new Server[1];
        StreamPair[] c = new StreamPair[3];
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(flood, Net.HOST, 0)),
                v -> {
                    server[0] = (Server) v;
                    return awaiting(Streams.openConnection(Net.HOST, Net.port(server[0])));
                },
                v -> {
                    c[0] = (StreamPair) v;
                    return awaiting(c[0].reader().readexactly(1000));
                },
                v -> {
                    // Read a little of the flood, then reset the connection (SO_LINGER 0: an RST, not a FIN).
                    SocketChannel ch = (SocketChannel) c[0].writer().getExtraInfo("socket");
                    ch.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
                    c[0].writer().close();
                    return awaiting(sleep(0.01));
                },
                v -> serverSaw[0] == null ? awaiting(sleep(0.01), 4) : awaiting(
                        Streams.openConnection(Net.HOST, Net.port(server[0]))),
                v -> {
                    c[1] = (StreamPair) v;
                    c[1].writer().write(new byte[10]);
                    c[1].writer().writeEof();
                    return awaiting(c[1].reader().read());
                },
                v -> awaiting(Streams.openConnection(Net.HOST, Net.port(server[0]))),
                v -> {
                    c[2] = (StreamPair) v;
                    c[2].writer().write(bytes("after\n"));
                    return awaiting(c[2].reader().readline());
                },
                v -> {
                    c[1].writer().close();
                    c[2].writer().close();
                    server[0].close();
                    return str(v);
                }));
        assertEquals("after\n", r);
        assertInstanceOf(IOException.class, serverSaw[0], "drain reports the reset: " + serverSaw[0]);
        IncompleteReadError half = (IncompleteReadError) serverSaw[1];
        assertEquals(10, half.partial().length);
        assertEquals(100, half.expected());
    }

    /** drain waits while the buffer is above the high-water mark and returns once it is down to the low one. */
    @Test
    void drainAppliesTheWaterMarks() {
        int total = 32 << 20; // more than loopback's socket buffers hold
        int[] seen = new int[3];
        Task<?>[] drain = new Task<?>[1];
        dev.jasyncio.sync.Event go = new dev.jasyncio.sync.Event();
        ConnectionHandler big = (r, w) -> coro("big",
                v -> {
                    w.setWriteBufferLimits(64 * 1024, 16 * 1024);
                    w.write(new byte[total]);
                    seen[0] = w.getWriteBufferSize();
                    drain[0] = createTask(w.drain());
                    return awaiting(sleep(0.1));
                },
                v -> {
                    seen[1] = drain[0].done() ? 1 : 0;
                    go.set();
                    return awaiting(drain[0]);
                },
                v -> {
                    seen[2] = w.getWriteBufferSize();
                    w.close();
                    return null;
                });
        int[] got = {0};
        StreamPair[] c = new StreamPair[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(big, Net.HOST, 0)),
                v -> awaiting(Streams.openConnection(Net.HOST, Net.port((Server) v))),
                v -> {
                    c[0] = (StreamPair) v;
                    return awaiting(go.await());
                },
                v -> awaiting(c[0].reader().read(1 << 20)),
                v -> {
                    int n = ((byte[]) v).length;
                    got[0] += n;
                    return n == 0 ? null : awaiting(c[0].reader().read(1 << 20), 4);
                }));
        assertEquals(total, got[0]);
        assertTrue(seen[0] > 64 * 1024, "buffered after the write: " + seen[0]);
        assertEquals(0, seen[1], "drain was still waiting while the peer did not read");
        assertTrue(seen[2] <= 16 * 1024, "drain returned at the low-water mark: " + seen[2]);
    }

    @Test
    void serveForeverEndsWhenCancelledAndClosesTheServer() {
        Server[] server = new Server[1];
        Task<?>[] serving = new Task<?>[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), Net.HOST, 0)),
                v -> {
                    server[0] = (Server) v;
                    serving[0] = createTask(server[0].serveForever());
                    return awaiting(sleep(0.01));
                },
                v -> {
                    assertTrue(server[0].isServing());
                    serving[0].cancel();
                    return awaiting(sleep(0.01));
                },
                v -> null));
        assertTrue(serving[0].cancelled());
        assertFalse(server[0].isServing());
        assertTrue(server[0].sockets().isEmpty());
    }

    @Test
    void waitClosedWaitsForTheConnectionsOfAClosedServer() {
        Server[] server = new Server[1];
        Task<?>[] waiting = new Task<?>[1];
        StreamPair[] c = new StreamPair[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), Net.HOST, 0)),
                v -> {
                    server[0] = (Server) v;
                    return awaiting(Streams.openConnection(Net.HOST, Net.port(server[0])));
                },
                v -> {
                    c[0] = (StreamPair) v;
                    c[0].writer().write(bytes("x\n"));
                    return awaiting(c[0].reader().readline()); // the server has accepted it
                },
                v -> {
                    server[0].close();
                    waiting[0] = createTask(server[0].waitClosed());
                    return awaiting(sleep(0.05));
                },
                v -> {
                    assertFalse(waiting[0].done(), "a connection is still open");
                    c[0].writer().close();
                    return awaiting(waiting[0]);
                }));
        assertTrue(waiting[0].done());
    }

    @Test
    void aHostNameIsResolvedAndVirtualTimeLoopsDoIoToo() {
        Object r = run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), "localhost", 0)),
                v -> awaiting(Streams.openConnection("localhost", Net.port((Server) v))),
                v -> {
                    StreamPair c = (StreamPair) v;
                    c.writer().write(bytes("over localhost\n"));
                    return awaiting(c.reader().readline());
                },
                v -> str(v)));
        assertEquals("over localhost\n", r);
    }

    /** A drain cancelled by a timeout leaves no waiter behind: a later drain returns once the peer has read. */
    @Test
    void aDrainCancelledByATimeout() {
        int total = 32 << 20;
        Object[] seen = new Object[2];
        dev.jasyncio.sync.Event go = new dev.jasyncio.sync.Event();
        ConnectionHandler big = (r, w) -> coro("big",
                v -> {
                    w.write(new byte[total]);
                    return awaiting(waitFor(w.drain(), 0.05));
                },
                catching((v, e) -> {
                    seen[0] = e;
                    go.set();
                    return awaiting(w.drain());
                }),
                v -> {
                    seen[1] = w.getWriteBufferSize();
                    w.close();
                    return null;
                });
        int[] got = {0};
        StreamPair[] c = new StreamPair[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(big, Net.HOST, 0)),
                v -> awaiting(Streams.openConnection(Net.HOST, Net.port((Server) v))),
                v -> {
                    c[0] = (StreamPair) v;
                    return awaiting(go.await());
                },
                v -> awaiting(c[0].reader().read(1 << 20)),
                v -> {
                    int n = ((byte[]) v).length;
                    got[0] += n;
                    return n == 0 ? null : awaiting(c[0].reader().read(1 << 20), 4);
                }));
        assertInstanceOf(TimeoutError.class, seen[0]);
        assertTrue((int) seen[1] <= 16 * 1024, "the second drain waited for the low-water mark: " + seen[1]);
        assertEquals(total, got[0]);
    }
}
