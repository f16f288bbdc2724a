package dev.jasyncio;

import dev.jasyncio.streams.ConnectionHandler;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.Streams;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.runCoroutineThreadsafe;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LoopGroup}: loops on their own threads, work in turn, servers across loops, hand-offs, and close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopGroupTest extends TestBase {

    private static String thread() {
        return Thread.currentThread().getName();
    }

    @Test
    void submitRunsEachCoroutineOnTheNextLoopInTurn() throws Exception {
        try (LoopGroup group = LoopGroup.open(2)) {
            assertEquals(2, group.size());
            List<CompletableFuture<String>> names = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                names.add(group.submit(() -> coro(v -> awaiting(sleep(0.01)), v -> {
                    assertTrue(Asyncio.getRunningLoop() != null);
                    return thread();
                })));
            }
            List<String> got = new ArrayList<>();
            for (CompletableFuture<String> f : names) {
                got.add(f.get(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of("jasyncio-loop-0", "jasyncio-loop-1", "jasyncio-loop-0", "jasyncio-loop-1"), got);
            CompletableFuture<Object> failing = group.submit(() -> coro(v -> {
                throw new IllegalArgumentException("boom");
            }));
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> failing.get(10, TimeUnit.SECONDS));
            assertEquals("boom", e.getCause().getMessage());
        }
    }

    /** Forty clients on a third loop; the group serves each connection on one loop for its life, both loops used. */
    @Test
    void echoServerAcrossBothLoops() throws Exception {
        Set<String> servedOn = ConcurrentHashMap.newKeySet();
        ConnectionHandler echo = (r, w) -> {
            String owner = thread();
            return coro("echo", v -> awaiting(r.readline()), v -> {
                byte[] line = (byte[]) v;
                assertEquals(owner, thread(), "a connection stays on its loop");
                servedOn.add(owner);
                if (line.length == 0) {
                    w.close();
                    return null;
                }
                w.write(line);
                return awaiting(w.drain(), 0);
            });
        };
        try (LoopGroup group = LoopGroup.open(2)) {
            Server server = group.startServer(echo, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
            List<Coroutine<Integer>> clients = new ArrayList<>();
            for (int id = 0; id < 40; id++) {
                clients.add(client(port, id, 20));
            }
            Object total = Asyncio.run(coro(v -> awaiting(gather(clients)),
                    v -> ((List<?>) v).stream().mapToInt(x -> (Integer) x).sum()));
            assertEquals(40 * 20, total);
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1"), servedOn);
            server.getLoop().callSoonThreadsafe(server::close);
        }
    }

    /** The second strategy: a listener per loop on one port (SO_REUSEPORT); closing the first closes them all. */
    @Test
    void echoServerWithAListenerPerLoop() throws Exception {
        Set<String> servedOn = ConcurrentHashMap.newKeySet();
        ConnectionHandler echo = (r, w) -> {
            servedOn.add(thread());
            return coro("echo", v -> awaiting(r.readline()), v -> {
                byte[] line = (byte[]) v;
                if (line.length == 0) {
                    w.close();
                    return null;
                }
                w.write(line);
                return awaiting(w.drain(), 0);
            });
        };
        try (LoopGroup group = LoopGroup.open(2)) {
            Server server = group.startServer(echo, "127.0.0.1", 0, null, LoopGroup.Listening.REUSE_PORT);
            int port = ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
            List<Coroutine<Integer>> clients = new ArrayList<>();
            for (int id = 0; id < 40; id++) {
                clients.add(client(port, id, 5));
            }
            Object total = Asyncio.run(coro(v -> awaiting(gather(clients)),
                    v -> ((List<?>) v).stream().mapToInt(x -> (Integer) x).sum()));
            assertEquals(40 * 5, total);
            // The kernel's hash puts 40 connections on one listener only with probability 2^-39.
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1"), servedOn);
            CountDownLatch closed = new CountDownLatch(1);
            server.getLoop().callSoonThreadsafe(() -> {
                server.close();
                closed.countDown();
            });
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            Thread.sleep(200); // the other loop's listener closes on its own thread
            assertThrows(java.net.ConnectException.class,
                    () -> new java.net.Socket("127.0.0.1", port).close(), "no listener left on the port");
        }
    }

    private static Coroutine<Integer> client(int port, int id, int lines) {
        StreamPair[] c = new StreamPair[1];
        int[] i = new int[1];
        int[] ok = new int[1];
        return coro("client",
                v -> awaiting(Streams.openConnection("127.0.0.1", port)),
                v -> {
                    c[0] = (StreamPair) v;
                    c[0].writer().write(("client " + id + " line 0\n").getBytes(StandardCharsets.UTF_8));
                    return awaiting(c[0].reader().readline());
                },
                v -> {
                    if (new String((byte[]) v, StandardCharsets.UTF_8).equals("client " + id + " line " + i[0] + "\n")) {
                        ok[0]++;
                    }
                    if (++i[0] < lines) {
                        c[0].writer().write(("client " + id + " line " + i[0] + "\n").getBytes(StandardCharsets.UTF_8));
                        return awaiting(c[0].reader().readline(), 2);
                    }
                    c[0].writer().close();
                    return awaiting(c[0].writer().waitClosed());
                },
                v -> ok[0]);
    }

    /**
     * Hand-off under load: 200 tasks on loop 0 each make 25 round trips to loop 1 through runCoroutineThreadsafe,
     * and loop 1's answers come back through a Future's toCompletableFuture; a counter owned by loop 1 is only
     * touched there, so no update is lost.
     */
    @Test
    void crossLoopHandOffUnderLoad() throws Exception {
        try (LoopGroup group = LoopGroup.open(2)) {
            EventLoop loop1 = group.loop(1);
            int[] ownedByLoop1 = new int[1];
            AtomicInteger wrongThread = new AtomicInteger();
            CompletableFuture<Object> done = group.submit(() -> {
                List<Coroutine<Integer>> workers = new ArrayList<>();
                for (int w = 0; w < 200; w++) {
                    int[] n = new int[1];
                    workers.add(coro("worker", v -> {
                        if (n[0] == 25) {
                            return n[0];
                        }
                        n[0]++;
                        // There: a coroutine on loop 1, which answers through a future of its own loop.
                        Coroutine<Integer> there = coro(x -> {
                            if (!thread().equals("jasyncio-loop-1")) {
                                wrongThread.incrementAndGet();
                            }
                            Future<Integer> answer = Asyncio.getRunningLoop().createFuture();
                            Asyncio.getRunningLoop().callSoon(() -> answer.setResult(++ownedByLoop1[0]));
                            return awaiting(answer.toCompletableFuture());
                        });
                        return awaiting(runCoroutineThreadsafe(there, loop1), 0);
                    }));
                }
                return coro(v -> awaiting(gather(workers)), v -> {
                    if (!thread().equals("jasyncio-loop-0")) {
                        wrongThread.incrementAndGet();
                    }
                    return ((List<?>) v).size();
                });
            });
            assertEquals(200, done.get(30, TimeUnit.SECONDS));
            assertEquals(0, wrongThread.get());
            assertEquals(200 * 25, group.submit(() -> coro(v -> 0)).thenCompose(x ->
                    Asyncio.runCoroutineThreadsafe(coro(v -> ownedByLoop1[0]), loop1)).get(10, TimeUnit.SECONDS));
        }
    }

    /** close() with tasks in flight on both loops: each is cancelled, its finally block runs, its future ends. */
    @Test
    void closeCancelsWhatStillRunsAndLetsFinallyBlocksFinish() throws Exception {
        LoopGroup group = LoopGroup.open(2);
        CountDownLatch started = new CountDownLatch(6);
        List<String> finallies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int id = i;
            futures.add(group.submit(() -> coro(v -> {
                started.countDown();
                return awaiting(sleep(1000));
            }, catching((v, e) -> {
                // A finally block that itself awaits: it gets to finish.
                return awaiting(coro(x -> awaiting(sleep(0.01)), x -> {
                    finallies.add("task " + id + " on " + thread());
                    return rethrow(e, v);
                }));
            }))));
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        group.close();
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "close does not wait for the sleeps");
        assertEquals(6, finallies.size(), String.valueOf(finallies));
        assertTrue(finallies.stream().anyMatch(s -> s.endsWith("loop-0")));
        assertTrue(finallies.stream().anyMatch(s -> s.endsWith("loop-1")));
        for (CompletableFuture<Object> f : futures) {
            assertTrue(f.isCancelled());
            assertThrows(CancellationException.class, f::join);
        }
        assertTrue(group.loop(0).isClosed() && group.loop(1).isClosed());
        assertThrows(IllegalStateException.class, () -> group.submit(() -> coro(v -> 1)));
        group.close(); // again: nothing
        assertFalse(group.toString().isEmpty());
    }
}
