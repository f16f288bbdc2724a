package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.waitFor;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's selector: where I/O callbacks run, what wakes a select, and the {@code sock*} coroutines. */
class EventLoopIoTest extends TestBase {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** cpython/loop_io_order.py (a pipe where Python has a socket pair). */
    @Test
    void ioCallbacksRunAfterWhatWasReadyAndBeforeDueTimers() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.callSoon(() -> {
                say("callback");
                try {
                    pipe.sink().write(ByteBuffer.wrap(b("x")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                loop.callAt(loop.time(), () -> say("timer due"));
                loop.callSoon(() -> say("soon"));
                loop.addReader(pipe.source(), () -> {
                    ByteBuffer buf = ByteBuffer.allocate(10);
                    try {
                        pipe.source().read(buf);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    say("readable", java.util.Arrays.copyOf(buf.array(), buf.position()));
                    loop.removeReader(pipe.source());
                });
            });
            return awaiting(sleep(0.05));
        }, v -> {
            say(getRunningLoop().removeReader(pipe.source()));
            return null;
        }));
        pipe.source().close();
        pipe.sink().close();
        assertOutput("loop_io_order");
    }

    @Test
    void aLoopThatDoesNoIoNeverOpensASelector() {
        EventLoop loop = new EventLoop();
        loop.runUntilComplete(loop.createTask(coro("main", v -> awaiting(sleep(0.01)), v -> null)));
        assertFalse(loop.hasSelector());
        assertFalse(loop.removeReader(null));
        loop.close();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aThreadsafeCallWakesALoopBlockedInSelect() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        long[] waited = new long[1];
        Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.addReader(pipe.source(), () -> say("never readable"));
            assertTrue(loop.hasSelector());
            Future<String> f = loop.createFuture();
            long start = System.nanoTime();
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                loop.callSoonThreadsafe(() -> f.setResult("woken"));
            });
            t.start();
            // No timer and no ready callback: the loop selects with no deadline until the thread's call.
            return awaiting(f);
        }, v -> {
            assertEquals("woken", v);
            getRunningLoop().removeReader(pipe.source());
            return null;
        }));
        assertEquals(java.util.List.of(), output());
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void timersFireWhileSelectingAndVirtualTimeStillJumps() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        EventLoop loop = EventLoop.withVirtualTime();
        double[] at = new double[1];
        loop.runUntilComplete(loop.createTask(coro("main", v -> {
            getRunningLoop().addReader(pipe.source(), () -> { });
            return awaiting(sleep(3600));
        }, v -> {
            at[0] = getRunningLoop().time();
            getRunningLoop().removeReader(pipe.source());
            return null;
        })));
        assertEquals(3600.0, at[0]);
        loop.close();
        long start = System.nanoTime();
        Asyncio.run(coro("main", v -> {
            getRunningLoop().addReader(pipe.source(), () -> { });
            return awaiting(sleep(0.05));
        }));
        double took = (System.nanoTime() - start) / 1e9;
        assertTrue(took >= 0.05 && took < 2, "took " + took);
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void closingTheLoopClosesItsSelectorButNotTheChannels() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        EventLoop loop = new EventLoop();
        loop.addReader(pipe.source(), () -> { });
        assertEquals(1, loop.watchedChannelCount());
        loop.close();
        assertFalse(loop.hasSelector());
        assertTrue(pipe.source().isOpen());
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void sockOperationsOnLoopback() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        listener.configureBlocking(false);
        SocketChannel client = SocketChannel.open();
        client.configureBlocking(false);
        SocketChannel[] accepted = new SocketChannel[1];
        Task<?>[] acceptor = new Task<?>[1];
        Object r = Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            acceptor[0] = createTask(loop.sockAccept(listener));
            return awaiting(loop.sockConnect(client, listener.getLocalAddress()));
        }, v -> awaiting(acceptor[0]), v -> {
            accepted[0] = (SocketChannel) v;
            assertFalse(accepted[0].isBlocking());
            byte[] big = new byte[4 << 20]; // more than the socket buffers take at once
            java.util.Arrays.fill(big, (byte) 7);
            createTask(getRunningLoop().sockSendall(client, big));
            return awaiting(drain(accepted[0], big.length));
        }, v -> {
            assertEquals(4 << 20, v);
            client.shutdownOutput();
            return awaiting(getRunningLoop().sockRecv(accepted[0], 10));
        }, v -> {
            assertArrayEquals(new byte[0], (byte[]) v, "end of stream: empty");
            return "ok";
        }));
        assertEquals("ok", r);
        client.close();
        accepted[0].close();
        listener.close();
    }

    /** Reads {@code n} bytes with sockRecv, counting them. */
    private static Coroutine<Integer> drain(SocketChannel ch, int n) {
        int[] got = {0};
        return coro("drain", v -> awaiting(getRunningLoop().sockRecv(ch, 65536)), v -> {
            got[0] += ((byte[]) v).length;
            return got[0] >= n ? got[0] : awaiting(getRunningLoop().sockRecv(ch, 65536), 1);
        });
    }

    @Test
    void aCancelledSockRecvConsumesNothingAndLeavesNoInterest() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        SocketChannel client = SocketChannel.open(listener.getLocalAddress());
        SocketChannel server = listener.accept();
        server.configureBlocking(false);
        Object r = Asyncio.run(coro("main", v -> awaiting(waitFor(getRunningLoop().sockRecv(server, 100), 0.05)),
                catching((v, e) -> {
                    assertInstanceOf(TimeoutError.class, e);
                    return awaiting(sleep(0)); // the future's done callback removes the reader
                }), v -> {
                    assertFalse(getRunningLoop().removeReader(server), "no reader left behind");
                    client.write(ByteBuffer.wrap(b("kept")));
                    return awaiting(getRunningLoop().sockRecv(server, 100));
                }, v -> new String((byte[]) v, StandardCharsets.ISO_8859_1)));
        assertEquals("kept", r);
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void sockConnectRefusedSurfacesAtTheAwait() throws Exception {
        int port;
        try (ServerSocketChannel s = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        Throwable[] got = new Throwable[1];
        Asyncio.run(coro("main", v -> awaiting(getRunningLoop().sockConnect(ch,
                new InetSocketAddress("127.0.0.1", port))), catching((v, e) -> {
                    got[0] = e;
                    return null;
                })));
        assertInstanceOf(ConnectException.class, got[0]);
        ch.close();
    }

    /**
     * Datagram echo on loopback: a receive cancelled by its timeout takes no datagram and leaves no interest; the
     * echo then answers the client, from its own address; a datagram longer than asked for is cut, as recvfrom.
     */
    @Test
    void datagramEchoWithACancelledReceive() throws Exception {
        DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        DatagramChannel client = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false);
        client.configureBlocking(false);
        java.net.SocketAddress serverAddress = server.getLocalAddress();
        Coroutine<Object> echoOnce = coro("echo", v -> awaiting(getRunningLoop().sockRecvfrom(server, 1024)),
                v -> {
                    Datagram d = (Datagram) v;
                    return awaiting(getRunningLoop().sockSendto(server, ByteBuffer.wrap(d.data()), d.address()));
                });
        Object r = Asyncio.run(coro("main",
                v -> awaiting(waitFor(getRunningLoop().sockRecvfrom(server, 1024), 0.05)),
                catching((v, e) -> {
                    assertInstanceOf(TimeoutError.class, e);
                    return awaiting(sleep(0)); // the future's done callback removes the reader
                }), v -> {
                    assertFalse(getRunningLoop().removeReader(server), "no reader left behind");
                    createTask(echoOnce);
                    return awaiting(getRunningLoop().sockSendto(client, ByteBuffer.wrap(b("ping")), serverAddress));
                }, v -> {
                    assertEquals(4, v);
                    return awaiting(getRunningLoop().sockRecvfrom(client, 1024));
                }, v -> {
                    Datagram d = (Datagram) v;
                    assertEquals(serverAddress, d.address());
                    assertArrayEquals(b("ping"), d.data());
                    return awaiting(getRunningLoop().sockSendto(client, ByteBuffer.wrap(b("truncated")),
                            serverAddress));
                }, v -> awaiting(getRunningLoop().sockRecvfrom(server, 5)),
                v -> new String(((Datagram) v).data(), StandardCharsets.ISO_8859_1)));
        assertEquals("trunc", r);
        server.close();
        client.close();
    }

    @Test
    void blockingChannelsAreRefused() throws Exception {
        Pipe pipe = Pipe.open();
        EventLoop loop = new EventLoop();
        try {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> loop.addReader(pipe.source(), () -> { }));
        } finally {
            loop.close();
            pipe.source().close();
            pipe.sink().close();
        }
    }

    /** Under {@code timeout()}: the pending accept is cancelled, its interest removed, the listener still works. */
    @Test
    void aSockAcceptCancelledByATimeoutScope() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        listener.configureBlocking(false);
        SocketChannel[] client = new SocketChannel[1];
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Asyncio.timeout(0.05, t -> accept(listener))),
                catching((v, e) -> {
                    assertInstanceOf(TimeoutError.class, e);
                    return awaiting(sleep(0));
                }),
                v -> {
                    assertFalse(getRunningLoop().removeReader(listener), "no reader left behind");
                    Task<?> accepting = createTask(accept(listener));
                    client[0] = SocketChannel.open(listener.getLocalAddress());
                    return awaiting(accepting);
                },
                v -> {
                    ((SocketChannel) v).close();
                    return "accepted";
                }));
        assertEquals("accepted", r);
        client[0].close();
        listener.close();
    }

    private static Coroutine<SocketChannel> accept(ServerSocketChannel listener) {
        try {
            return getRunningLoop().sockAccept(listener);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
