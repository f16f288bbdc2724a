package dev.jasyncio;

import dev.jasyncio.internal.Threads;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.toThread;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads meeting the loop: cancellation across the boundary, stages completed concurrently, the default executor. */
class ThreadInteropTest extends TestBase {

    /** As asyncio: the awaiting task is cancelled at once; the thread cannot be stopped and finishes unheard. */
    @Test
    void toThreadUnderCancellation() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        List<Map<String, Object>> reported = new ArrayList<>();
        Task<?>[] t = new Task<?>[1];
        double[] cancelledAfter = new double[1];
        Asyncio.run(coro("main", v -> {
            getRunningLoop().setExceptionHandler((loop, context) -> reported.add(context));
            t[0] = createTask(toThread(() -> {
                Thread.sleep(300);
                finished.countDown();
                return "late";
            }));
            return awaiting(sleep(0.02));
        }, v -> {
            double start = getRunningLoop().time();
            t[0].cancel();
            return awaiting(coro("await-cancelled", x -> awaiting(t[0]), catching((x, e) -> {
                cancelledAfter[0] = getRunningLoop().time() - start;
                assertTrue(e instanceof CancelledError, String.valueOf(e));
                return null;
            })));
        }));
        assertTrue(t[0].cancelled());
        assertTrue(cancelledAfter[0] < 0.2, "cancelled without waiting for the thread: " + cancelledAfter[0]);
        assertTrue(finished.await(5, TimeUnit.SECONDS), "Asyncio.run waited for the executor's thread");
        assertEquals(List.of(), reported, "the dropped result is nobody's error");
    }

    /** Work cancelled before a thread took it never runs. */
    @Test
    void runInExecutorCancelledBeforeItStartsNeverRuns() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try {
            Asyncio.run(coro("main", v -> {
                EventLoop loop = getRunningLoop();
                loop.runInExecutor(one, () -> release.await(5, TimeUnit.SECONDS));
                Future<Integer> queued = loop.runInExecutor(one, ran::incrementAndGet);
                queued.cancel();
                return awaiting(sleep(0)); // the done callback that cancels the work runs on the next iteration
            }, v -> {
                release.countDown();
                return awaiting(getRunningLoop().runInExecutor(one, () -> "after"));
            }));
            assertEquals(0, ran.get());
        } finally {
            one.shutdownNow();
        }
    }

    /** Eight threads race to complete one stage, and eight stages complete at once: the loop sees each once. */
    @Test
    void aCompletionStageCompletedFromEightThreadsAtOnce() throws Exception {
        String loopThread = Thread.currentThread().getName();
        CompletableFuture<Integer> contested = new CompletableFuture<>();
        List<CompletableFuture<Integer>> stages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stages.add(new CompletableFuture<>());
        }
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            Thread th = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                contested.complete(n);
                stages.get(n).complete(n * 10);
            });
            th.start();
            threads.add(th);
        }
        Set<String> resumedOn = ConcurrentHashMap.newKeySet();
        Object[] r = new Object[2];
        Asyncio.run(coro("main", v -> {
            gate.countDown();
            return awaiting(contested);
        }, v -> {
            resumedOn.add(Thread.currentThread().getName());
            r[0] = v;
            return awaiting(gatherOf(stages, resumedOn));
        }, v -> {
            r[1] = v;
            return null;
        }));
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(contested.get(), r[0], "the value of the thread that won");
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 70), r[1]);
        assertEquals(Set.of(loopThread), resumedOn);
    }

    private static Future<List<Integer>> gatherOf(List<CompletableFuture<Integer>> stages, Set<String> resumedOn) {
        List<Coroutine<Integer>> cs = new ArrayList<>();
        for (CompletableFuture<Integer> s : stages) {
            cs.add(coro("stage", x -> awaiting(s), x -> {
                resumedOn.add(Thread.currentThread().getName());
                return x;
            }));
        }
        return gather(cs);
    }

    @Test
    void toCompletableFutureCarriesOutcomesAndCancellationBothWays() throws Exception {
        CompletableFuture<?>[] cf = new CompletableFuture<?>[4];
        Future<?>[] f = new Future<?>[4];
        RuntimeException boom = new IllegalStateException("boom");
        Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            Future<String> valued = loop.createFuture();
            for (int i = 0; i < 4; i++) {
                f[i] = i == 0 ? valued : loop.createFuture();
                cf[i] = ThreadBridge.toCompletableFuture(f[i]);
            }
            valued.setResult("value");
            f[1].setException(boom);
            f[2].cancel();
            Thread canceller = new Thread(() -> cf[3].cancel(false));
            canceller.start();
            return awaiting(coro("wait-cancel", x -> f[3].done() ? null : awaiting(sleep(0.001), 0)));
        }));
        assertEquals("value", cf[0].get());
        assertSame(boom, assertThrows(java.util.concurrent.ExecutionException.class, cf[1]::get).getCause());
        assertTrue(cf[2].isCancelled());
        assertThrows(CancellationException.class, cf[2]::join);
        assertTrue(f[3].cancelled(), "cancelling the CompletableFuture cancelled the loop's future");
    }

    /** JDK 17 (this build): asyncio's bounded pool of min(32, cpus + 4) platform threads named asyncio-N. */
    @Test
    void theDefaultExecutorIsABoundedPoolBeforeJdk21() {
        Assumptions.assumeFalse(Threads.virtualAvailable(), "this JVM has virtual threads");
        int bound = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        Asyncio.run(coro("main", v -> {
            List<Coroutine<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 3 * bound; i++) {
                calls.add(toThread(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    names.add(Thread.currentThread().getName());
                    Thread.sleep(20);
                    running.decrementAndGet();
                    return null;
                }));
            }
            return awaiting(gather(calls));
        }));
        assertEquals(bound, peak.get());
        assertTrue(names.stream().allMatch(n -> n.startsWith("asyncio-")), names.toString());
    }

    /** JDK 21+: one virtual thread per call. Checked in a child JVM when a JDK 25 is installed at the usual place. */
    @Test
    void theDefaultExecutorUsesVirtualThreadsOnJdk21AndLater() throws Exception {
        String jdk = System.getProperty("jdk25.home", System.getenv().getOrDefault("JDK25",
                "/usr/lib/jvm/temurin-25-jdk-amd64"));
        File java = new File(jdk, "bin/java");
        Assumptions.assumeTrue(java.canExecute(), "no JDK 21+ at " + jdk);
        Process p = new ProcessBuilder(java.getPath(), "-cp", System.getProperty("java.class.path"),
                DefaultExecutorProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("VirtualThread[") && out.contains("asyncio-"), out);
        assertFalse(out.contains("\n"), out);
    }

    /** Prints the thread a {@code toThread} call runs on. */
    public static final class DefaultExecutorProbe {
        public static void main(String[] args) {
            Object where = Asyncio.run(coro("probe", v -> awaiting(toThread(() -> Thread.currentThread().toString()))));
            System.out.println(where);
        }
    }
}
