package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.streams.ConnectionHandler;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.toThread;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Fault injection into the user code that reaches the loop from outside or from I/O: thread-safe entry points,
 * work on other threads, channel callbacks, stream connection handlers.
 */
class EntryPointFaultsTest {

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aThreadsafeCallbackThatThrowsIsReportedAndTheNextOneRuns(Fault fault) throws Exception {
        List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
        Throwable[] thrown = new Throwable[1];
        String r = Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            Future<String> next = loop.createFuture();
            Thread other = new Thread(() -> {
                loop.callSoonThreadsafe(() -> fault.raise(thrown));
                loop.callSoonThreadsafe(() -> next.setResult("next ran"));
            });
            other.start();
            return awaiting(next);
        }, v -> v));
        assertEquals("next ran", r);
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertSame(thrown[0], reports.get(0).get("exception"));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aCoroutineRunThreadsafeThatThrowsCompletesItsFutureWithTheFailure(Fault fault) throws Exception {
        Throwable[] thrown = new Throwable[1];
        EventLoop loop = new EventLoop();
        Thread runner = new Thread(() -> loop.runForever());
        runner.start();
        try {
            CompletableFuture<Object> bad = Asyncio.runCoroutineThreadsafe(coro("bad", v -> awaiting(sleep(0)),
                    v -> {
                        throw fault.raise(thrown);
                    }), loop);
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertSame(thrown[0], e.getCause());
            CompletableFuture<Object> good = Asyncio.runCoroutineThreadsafe(coro("good", v -> "fine"), loop);
            assertEquals("fine", good.get(10, TimeUnit.SECONDS));
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            runner.join(10_000);
            loop.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void workOnAnotherThreadThatThrowsReachesTheAwaiter(Fault fault) {
        Throwable[] thrown = new Throwable[1];
        Object seen = Asyncio.run(coro("main", v -> awaiting(toThread(() -> {
            throw fault.raise(thrown);
        })), catching((v, e) -> e)));
        assertSame(thrown[0], seen);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aChannelCallbackThatThrowsIsReportedAndCalledAgainWhileTheChannelIsReady(Fault fault) throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        Throwable[] thrown = new Throwable[1];
        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            pipe.sink().write(ByteBuffer.wrap(new byte[] {42}));
            Object r = Asyncio.run(coro("main", v -> {
                EventLoop loop = getRunningLoop();
                loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
                Future<Integer> got = loop.createFuture();
                loop.addReader(pipe.source(), () -> {
                    if (thrown[0] == null) {
                        fault.raise(thrown);
                    }
                    ByteBuffer b = ByteBuffer.allocate(1);
                    try {
                        pipe.source().read(b);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    loop.removeReader(pipe.source());
                    got.setResult((int) b.get(0));
                });
                return awaiting(got);
            }, v -> v));
            assertEquals(42, r);
            assertEquals(1, reports.size(), String.valueOf(reports));
            assertSame(thrown[0], reports.get(0).get("exception"));
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
    }

    /** Where a connection handler fails: when it is called, or in the coroutine it returns. */
    enum Where { CALL, COROUTINE }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aConnectionHandlerThatThrowsWhenCalledClosesThatConnectionOnly(Fault fault) throws Exception {
        handlerFails(fault, Where.CALL);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aConnectionHandlerWhoseCoroutineThrowsClosesThatConnectionOnly(Fault fault) throws Exception {
        handlerFails(fault, Where.COROUTINE);
    }

    private static void handlerFails(Fault fault, Where where) throws Exception {
        List<Map<String, Object>> reports = new ArrayList<>();
        Throwable[] thrown = new Throwable[1];
        int[] connections = {0};
        ConnectionHandler handler = (reader, writer) -> {
            if (connections[0]++ == 0) {
                if (where == Where.CALL) {
                    throw fault.raise(thrown);
                }
                return coro("failing", v -> awaiting(reader.readline()), v -> {
                    throw fault.raise(thrown);
                });
            }
            return coro("echo", v -> awaiting(reader.readline()), v -> {
                writer.write((byte[]) v);
                return awaiting(writer.drain());
            }, v -> {
                writer.close();
                return null;
            });
        };
        Server[] server = new Server[1];
        StreamPair[] client = new StreamPair[2];
        Object[] firstRead = new Object[1];
        Object[] line = new Object[1];
        Object secondRead = Asyncio.run(coro("main", v -> {
            getRunningLoop().setExceptionHandler((l, ctx) -> reports.add(ctx));
            return awaiting(Streams.startServer(handler, "127.0.0.1", 0));
        }, v -> {
            server[0] = (Server) v;
            return awaiting(Streams.openConnection("127.0.0.1", port(server[0])));
        }, v -> {
            client[0] = (StreamPair) v;
            client[0].writer().write(bytes("first\n"));
            return awaiting(client[0].reader().read(100)); // end of stream: the server closed this connection
        }, v -> {
            firstRead[0] = v;
            return awaiting(Streams.openConnection("127.0.0.1", port(server[0])));
        }, v -> {
            client[1] = (StreamPair) v;
            client[1].writer().write(bytes("second\n"));
            return awaiting(client[1].reader().readline());
        }, v -> {
            line[0] = v;
            for (StreamPair c : client) {
                c.writer().close();
            }
            server[0].close();
            return awaiting(server[0].waitClosed());
        }, v -> line[0]));
        assertArrayEquals(new byte[0], (byte[]) firstRead[0]);
        assertArrayEquals(bytes("second\n"), (byte[]) secondRead, "the next connection is served");
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("Unhandled exception in client_connected_cb", reports.get(0).get("message"));
        assertSame(thrown[0], reports.get(0).get("exception"));
        assertEquals(2, connections[0]);
    }

    private static int port(Server s) {
        try {
            return ((InetSocketAddress) s.sockets().get(0).getLocalAddress()).getPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
