package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.runCoroutineThreadsafe;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.toThread;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work crossing threads: {@code toThread}, {@code runInExecutor}, {@code runCoroutineThreadsafe}, stages. */
class ThreadsTest extends TestBase {

    @Test
    void toThreadRunsOnAPoolThreadAndComesBackToTheLoop() {
        String loopThread = Thread.currentThread().getName();
        String[] seen = new String[2];
        String r = Asyncio.run(coro("main", v -> awaiting(toThread(() -> {
            seen[0] = Thread.currentThread().getName();
            return "from thread";
        })), v -> {
            seen[1] = Thread.currentThread().getName();
            return v;
        }));
        assertEquals("from thread", r);
        assertTrue(seen[0].startsWith("asyncio-"), seen[0]);
        assertEquals(loopThread, seen[1]);
    }

    @Test
    void toThreadRaisesTheVeryException() {
        ValueError err = new ValueError("in thread");
        Throwable[] got = new Throwable[1];
        Asyncio.run(coro("main", v -> awaiting(toThread(() -> {
            throw err;
        })), catching((v, e) -> {
            got[0] = e;
            return null;
        })));
        assertSame(err, got[0]);
    }

    @Test
    void toThreadStartsNothingUntilAwaited() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Asyncio.run(coro("main", v -> {
            toThread(() -> {
                ran.countDown();
                return null;
            });
            return awaiting(sleep(0.02));
        }));
        assertTrue(!ran.await(50, TimeUnit.MILLISECONDS), "a coroutine that is not awaited must not run");
    }

    @Test
    void runWaitsForTheDefaultExecutorsThreads() {
        boolean[] finished = {false};
        Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            Future<Void> started = loop.createFuture();
            createTask(toThread(() -> {
                // main returns only once the work runs: on a busy machine a thread may take a while to start, and
                // work cancelled before it starts never runs (as in asyncio), which is not what this test is about.
                loop.callSoonThreadsafe(() -> started.setResult(null));
                Thread.sleep(50);
                finished[0] = true;
                return null;
            }));
            return awaiting(started);
        }));
        assertTrue(finished[0], "Asyncio.run returned before the executor's thread finished");
    }

    @Test
    void runCoroutineThreadsafeSubmitsFromAnotherThread() throws Exception {
        String r = Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            Future<String> done = loop.createFuture();
            Thread t = new Thread(() -> {
                CompletableFuture<String> cf = runCoroutineThreadsafe(
                        coro("remote", x -> awaiting(sleep(0.01)), x -> Thread.currentThread().getName()), loop);
                try {
                    String value = cf.get(5, TimeUnit.SECONDS);
                    loop.callSoonThreadsafe(() -> done.setResult(value));
                } catch (Exception e) {
                    loop.callSoonThreadsafe(() -> done.setException(e));
                }
            });
            t.start();
            return awaiting(done);
        }));
        assertEquals(Thread.currentThread().getName(), r);
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheTask() {
        boolean[] cancelled = {false};
        CompletableFuture<?>[] cf = new CompletableFuture<?>[1];
        Asyncio.run(coro("main", v -> {
            cf[0] = runCoroutineThreadsafe(coro("remote", x -> awaiting(sleep(10)), catching((x, e) -> {
                cancelled[0] = e instanceof CancelledError;
                throw e;
            })), getRunningLoop());
            return awaiting(sleep(0.01));
        }, v -> {
            cf[0].cancel(false);
            return awaiting(sleep(0.01));
        }, v -> {
            assertEquals(1, Asyncio.allTasks().size(), "the remote task is gone");
            return null;
        }));
        assertTrue(cancelled[0], "the task saw a CancelledError");
        assertThrows(CancellationException.class, cf[0]::get);
    }

    @Test
    void awaitingACompletionStageResumesOnTheLoopAndCancellingCancelsIt() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        String loopThread = Thread.currentThread().getName();
        String r = Asyncio.run(coro("main", v -> {
            new Thread(() -> cf.complete("stage value")).start();
            return awaiting(cf);
        }, v -> {
            assertEquals(loopThread, Thread.currentThread().getName());
            return v;
        }));
        assertEquals("stage value", r);
        CompletableFuture<String> never = new CompletableFuture<>();
        Task<?>[] t = new Task<?>[1];
        Asyncio.run(coro("main", v -> {
            t[0] = createTask(coro("waiter", x -> awaiting(never)));
            return awaiting(sleep(0.01));
        }, v -> {
            t[0].cancel();
            return awaiting(sleep(0));
        }, v -> null));
        assertTrue(never.isCancelled());
        assertTrue(t[0].cancelled());
    }

    @Test
    void runInExecutorUsesTheGivenExecutor() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "custom-pool"));
        try {
            String r = Asyncio.run(coro("main", v -> awaiting(getRunningLoop().runInExecutor(pool,
                    () -> Thread.currentThread().getName()))));
            assertEquals("custom-pool", r);
            assertNotEquals(Thread.currentThread().getName(), r);
        } finally {
            pool.shutdownNow();
        }
    }
}
