package dev.jasyncio.benchmarks.ea;

import dev.jasyncio.benchmarks.common.AsyncQueue;
import dev.jasyncio.benchmarks.common.Heap;
import dev.jasyncio.benchmarks.common.SingleThreadLoop;
import dev.jasyncio.benchmarks.common.Workloads;

import java.lang.ref.Reference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static com.ea.async.Async.await;
import static dev.jasyncio.benchmarks.common.SingleThreadLoop.spawn;
import static dev.jasyncio.benchmarks.common.SingleThreadLoop.yieldNow;

/**
 * The workloads written with EA Async: {@code await} on {@link CompletableFuture}s, on one single-threaded
 * executor. The build rewrites this class with EA Async's own instrumenter.
 */
public final class EaAsyncWorkloads {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private EaAsyncWorkloads() {
    }

    private static CompletableFuture<Void> yieldOnce(ExecutorService loop) {
        await(yieldNow(loop));
        return DONE;
    }

    private static CompletableFuture<Void> spawnAll(ExecutorService loop, int n) {
        CompletableFuture<?>[] tasks = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = spawn(loop, () -> yieldOnce(loop));
        }
        for (int i = 0; i < n; i++) {
            await(tasks[i]);
        }
        return DONE;
    }

    /** W1: spawns {@code n} tasks that each yield once, then waits for all of them. */
    public static void w1Spawn(int n) {
        SingleThreadLoop.run(loop -> spawnAll(loop, n));
    }

    private static CompletableFuture<Void> sleeper(ScheduledThreadPoolExecutor loop) {
        await(SingleThreadLoop.sleep(loop, Workloads.SLEEP_SECONDS));
        return DONE;
    }

    /** W2: heap per task, in bytes, while {@code n} tasks sleep. */
    public static double w2SleepingHeap(int n) {
        return SingleThreadLoop.runScheduled(loop -> {
            CompletableFuture<?>[] tasks = new CompletableFuture<?>[n];
            long before = Heap.usedAfterGc();
            for (int i = 0; i < n; i++) {
                tasks[i] = sleeper(loop);
            }
            long after = Heap.usedAfterGc();
            Reference.reachabilityFence(tasks);
            return CompletableFuture.completedFuture((after - before) / (double) n);
        });
    }

    private static CompletableFuture<Void> yieldLoop(ExecutorService loop, int n) {
        for (int i = 0; i < n; i++) {
            await(yieldNow(loop));
        }
        return DONE;
    }

    /** W3a: one task yields to the loop {@code n} times. */
    public static void w3aSwitches(int n) {
        SingleThreadLoop.run(loop -> yieldLoop(loop, n));
    }

    private static CompletableFuture<Integer> step(ExecutorService loop, int x) {
        if (x < 0) {
            await(yieldNow(loop));
        }
        return CompletableFuture.completedFuture(Workloads.next(x));
    }

    private static CompletableFuture<Integer> callLoop(ExecutorService loop, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s = await(step(loop, s));
        }
        return CompletableFuture.completedFuture(s);
    }

    /** W3b: {@code n} awaited calls that complete without suspending; returns the last result. */
    public static int w3bCalls(int n) {
        return SingleThreadLoop.run(loop -> callLoop(loop, n));
    }

    private static CompletableFuture<Void> pinger(AsyncQueue<Integer> out, AsyncQueue<Integer> in, int n) {
        for (int i = 0; i < n; i++) {
            await(out.put(i & 63));
            await(in.get());
        }
        return DONE;
    }

    private static CompletableFuture<Void> ponger(AsyncQueue<Integer> in, AsyncQueue<Integer> out, int n) {
        for (int i = 0; i < n; i++) {
            Integer v = await(in.get());
            await(out.put(v));
        }
        return DONE;
    }

    private static CompletableFuture<Void> pingPong(ExecutorService loop, int n) {
        AsyncQueue<Integer> ping = new AsyncQueue<>(1, loop);
        AsyncQueue<Integer> pong = new AsyncQueue<>(1, loop);
        CompletableFuture<Void> a = spawn(loop, () -> pinger(ping, pong, n));
        CompletableFuture<Void> b = spawn(loop, () -> ponger(ping, pong, n));
        await(a);
        await(b);
        return DONE;
    }

    /** W4: {@code n} round trips between two tasks over two queues of capacity 1. */
    public static void w4PingPong(int n) {
        SingleThreadLoop.run(loop -> pingPong(loop, n));
    }

    private static CompletableFuture<Integer> fib(int n) {
        if (n < 2) {
            return CompletableFuture.completedFuture(n);
        }
        int a = await(fib(n - 1));
        int b = await(fib(n - 2));
        return CompletableFuture.completedFuture(a + b);
    }

    /** W5: fib(n), each call awaiting its two recursive calls. */
    public static int w5Fib(int n) {
        return SingleThreadLoop.run(loop -> fib(n));
    }
}
