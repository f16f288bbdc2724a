package dev.jasyncio.benchmarks.cf;

import dev.jasyncio.benchmarks.common.AsyncQueue;
import dev.jasyncio.benchmarks.common.Heap;
import dev.jasyncio.benchmarks.common.SingleThreadLoop;
import dev.jasyncio.benchmarks.common.Workloads;

import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.benchmarks.common.SingleThreadLoop.NOOP;
import static dev.jasyncio.benchmarks.common.SingleThreadLoop.yieldNow;

/**
 * The workloads written with plain {@link CompletableFuture} callbacks on one single-threaded executor, the
 * style of code EA Async and jasyncio spare their users.
 */
public final class CompletableFutureWorkloads {

    private CompletableFutureWorkloads() {
    }

    /** W1: spawns {@code n} tasks that each yield once, then waits for all of them. */
    public static void w1Spawn(int n) {
        SingleThreadLoop.run(loop -> {
            CompletableFuture<?>[] tasks = new CompletableFuture<?>[n];
            for (int i = 0; i < n; i++) {
                tasks[i] = CompletableFuture.runAsync(NOOP, loop).thenRunAsync(NOOP, loop);
            }
            return CompletableFuture.allOf(tasks);
        });
    }

    /** W2: heap per task, in bytes, while {@code n} tasks wait on a timer. */
    public static double w2SleepingHeap(int n) {
        return SingleThreadLoop.runScheduled(loop -> {
            CompletableFuture<?>[] tasks = new CompletableFuture<?>[n];
            long before = Heap.usedAfterGc();
            for (int i = 0; i < n; i++) {
                tasks[i] = SingleThreadLoop.sleep(loop, Workloads.SLEEP_SECONDS).thenRun(NOOP);
            }
            long after = Heap.usedAfterGc();
            Reference.reachabilityFence(tasks);
            return CompletableFuture.completedFuture((after - before) / (double) n);
        });
    }

    /** W3a: one task yields to the loop {@code n} times. */
    public static void w3aSwitches(int n) {
        SingleThreadLoop.run(loop -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            new Runnable() {
                private int i;

                @Override
                public void run() {
                    if (i++ == n) {
                        done.complete(null);
                    } else {
                        yieldNow(loop).thenRun(this);
                    }
                }
            }.run();
            return done;
        });
    }

    /** W3b's callee: could wait, but completes at once for non-negative input. */
    static CompletableFuture<Integer> step(ExecutorService loop, int x) {
        if (x < 0) {
            return yieldNow(loop).thenApply(v -> Workloads.next(x));
        }
        return CompletableFuture.completedFuture(Workloads.next(x));
    }

    private static CompletableFuture<Integer> calls(ExecutorService loop, int from, int n, int s) {
        for (int i = from; i < n; i++) {
            CompletableFuture<Integer> r = step(loop, s);
            if (!r.isDone()) {
                int next = i + 1;
                return r.thenCompose(v -> calls(loop, next, n, v));
            }
            s = r.join();
        }
        return CompletableFuture.completedFuture(s);
    }

    /** W3b: {@code n} calls of {@link #step}, each result used by the next call; returns the last result. */
    public static int w3bCalls(int n) {
        return SingleThreadLoop.run(loop -> calls(loop, 0, n, 0));
    }

    /** W4: {@code n} round trips between two tasks over two queues of capacity 1. */
    public static void w4PingPong(int n) {
        SingleThreadLoop.run(loop -> {
            AsyncQueue<Integer> ping = new AsyncQueue<>(1, loop);
            AsyncQueue<Integer> pong = new AsyncQueue<>(1, loop);
            CompletableFuture<Void> a = new CompletableFuture<>();
            CompletableFuture<Void> b = new CompletableFuture<>();
            loop.execute(new Runnable() {
                private int i;

                @Override
                public void run() {
                    while (i < n) {
                        CompletableFuture<Integer> f = ping.put(i++ & 63).thenCompose(v -> pong.get());
                        if (!f.isDone()) {
                            f.thenRun(this);
                            return;
                        }
                    }
                    a.complete(null);
                }
            });
            loop.execute(new Runnable() {
                private int i;

                @Override
                public void run() {
                    while (i < n) {
                        i++;
                        CompletableFuture<Void> f = ping.get().thenCompose(pong::put);
                        if (!f.isDone()) {
                            f.thenRun(this);
                            return;
                        }
                    }
                    b.complete(null);
                }
            });
            return CompletableFuture.allOf(a, b);
        });
    }

    /** W5's recursion: each call combines the futures of its two recursive calls. */
    static CompletableFuture<Integer> fib(int n) {
        if (n < 2) {
            return CompletableFuture.completedFuture(n);
        }
        return fib(n - 1).thenCombine(fib(n - 2), Integer::sum);
    }

    /** W5: fib(n) on the loop. */
    public static int w5Fib(int n) {
        return SingleThreadLoop.run(loop -> fib(n));
    }

    /**
     * Timers: schedules a timer per delay, then cancels them all; returns nanoseconds per schedule-and-cancel
     * and the heap still held per timer once all are cancelled.
     */
    public static double[] timers(double[] delays, boolean measureHeap) {
        return SingleThreadLoop.runScheduled(loop -> {
            int n = delays.length;
            ScheduledFuture<?>[] handles = new ScheduledFuture<?>[n];
            long before = measureHeap ? Heap.usedAfterGc() : 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                handles[i] = loop.schedule(NOOP, (long) (delays[i] * 1e9), TimeUnit.NANOSECONDS);
            }
            for (int i = 0; i < n; i++) {
                handles[i].cancel(false);
            }
            long elapsed = System.nanoTime() - t0;
            Arrays.fill(handles, null);
            long after = measureHeap ? Heap.usedAfterGc() : 0;
            return CompletableFuture.completedFuture(new double[] {elapsed / (double) n, (after - before) / (double) n});
        });
    }
}
