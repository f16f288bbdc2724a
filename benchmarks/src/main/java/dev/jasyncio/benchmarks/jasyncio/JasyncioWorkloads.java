package dev.jasyncio.benchmarks.jasyncio;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import dev.jasyncio.TimerHandle;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.benchmarks.common.Heap;
import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.queue.Queue;

import java.util.Arrays;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;

/** The workloads written with jasyncio: {@code @Async} methods on one event loop. */
public final class JasyncioWorkloads {

    private static final Runnable NOOP = () -> { };

    private JasyncioWorkloads() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // W1: spawn n tasks, each yields once, await all

    @Async
    static Coroutine<Void> yieldOnce() {
        await(sleep(0));
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> spawnAll(int n) {
        Task<?>[] tasks = new Task<?>[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = createTask(yieldOnce());
        }
        for (int i = 0; i < n; i++) {
            await(tasks[i]);
        }
        return Coroutine.of(null);
    }

    /** W1: spawns {@code n} tasks that each yield once, then awaits all of them. */
    public static void w1Spawn(int n) {
        Asyncio.run(spawnAll(n));
    }

    // ---------------------------------------------------------------------------------------------------------
    // W2: heap per sleeping task

    @Async
    static Coroutine<Void> sleeper() {
        await(sleep(Workloads.SLEEP_SECONDS));
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Double> sleepingHeap(int n) {
        Task<?>[] tasks = new Task<?>[n];
        long before = Heap.usedAfterGc();
        for (int i = 0; i < n; i++) {
            tasks[i] = createTask(sleeper());
        }
        await(sleep(0));
        long after = Heap.usedAfterGc();
        for (int i = 0; i < n; i++) {
            tasks[i].cancel();
        }
        await(sleep(0));
        await(sleep(0));
        return Coroutine.of((after - before) / (double) n);
    }

    /** W2: heap per task, in bytes, while {@code n} tasks sleep. */
    public static double w2SleepingHeap(int n) {
        return Asyncio.run(sleepingHeap(n));
    }

    // ---------------------------------------------------------------------------------------------------------
    // W3a: one task suspends and resumes through the loop

    @Async
    static Coroutine<Void> switches(int n) {
        for (int i = 0; i < n; i++) {
            await(sleep(0));
        }
        return Coroutine.of(null);
    }

    /** W3a: one task yields to the loop {@code n} times. */
    public static void w3aSwitches(int n) {
        Asyncio.run(switches(n));
    }

    @Async
    static Coroutine<Void> yielder(int n) {
        for (int i = 0; i < n; i++) {
            await(sleep(0));
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> pairSwitches(int n) {
        Task<Void> a = createTask(yielder(n / 2));
        Task<Void> b = createTask(yielder(n - n / 2));
        await(a);
        await(b);
        return Coroutine.of(null);
    }

    /**
     * W3a': two tasks yield {@code n} times in all, taking turns: the other task is always ready, so every switch
     * goes round the loop.
     */
    public static void w3aPairSwitches(int n) {
        Asyncio.run(pairSwitches(n));
    }

    // ---------------------------------------------------------------------------------------------------------
    // W3b: await of an async call that completes without suspending

    @Async
    static Coroutine<Integer> step(int x) {
        if (x < 0) {
            await(sleep(0));
        }
        return Coroutine.of(Workloads.next(x));
    }

    @Async
    static Coroutine<Integer> calls(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s = await(step(s));
        }
        return Coroutine.of(s);
    }

    /** W3b: {@code n} awaited calls that complete without suspending; returns the last result. */
    public static int w3bCalls(int n) {
        return Asyncio.run(calls(n));
    }

    // ---------------------------------------------------------------------------------------------------------
    // W4: ping-pong over two queues of capacity 1

    @Async
    static Coroutine<Void> pinger(Queue<Integer> out, Queue<Integer> in, int n) {
        for (int i = 0; i < n; i++) {
            await(out.put(i & 63));
            await(in.get());
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> ponger(Queue<Integer> in, Queue<Integer> out, int n) {
        for (int i = 0; i < n; i++) {
            Integer v = await(in.get());
            await(out.put(v));
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> pingPong(int n) {
        Queue<Integer> ping = new Queue<>(1);
        Queue<Integer> pong = new Queue<>(1);
        Task<Void> a = createTask(pinger(ping, pong, n));
        Task<Void> b = createTask(ponger(ping, pong, n));
        await(a);
        await(b);
        return Coroutine.of(null);
    }

    /** W4: {@code n} round trips between two tasks over two queues of capacity 1. */
    public static void w4PingPong(int n) {
        Asyncio.run(pingPong(n));
    }

    // ---------------------------------------------------------------------------------------------------------
    // W5: async fib

    @Async
    static Coroutine<Integer> fib(int n) {
        if (n < 2) {
            return Coroutine.of(n);
        }
        int a = await(fib(n - 1));
        int b = await(fib(n - 2));
        return Coroutine.of(a + b);
    }

    /** W5: fib(n), each call awaiting its two recursive async calls. */
    public static int w5Fib(int n) {
        return Asyncio.run(fib(n));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Timers

    @Async
    static Coroutine<double[]> timersMain(double[] delays, boolean measureHeap) {
        EventLoop loop = getRunningLoop();
        int n = delays.length;
        TimerHandle[] handles = new TimerHandle[n];
        long before = measureHeap ? Heap.usedAfterGc() : 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            handles[i] = loop.callLater(delays[i], NOOP);
        }
        for (int i = 0; i < n; i++) {
            handles[i].cancel();
        }
        long elapsed = System.nanoTime() - t0;
        Arrays.fill(handles, null);
        await(sleep(0));
        long after = measureHeap ? Heap.usedAfterGc() : 0;
        return Coroutine.of(new double[] {elapsed / (double) n, (after - before) / (double) n});
    }

    /**
     * Timers: schedules a timer per delay with {@code callLater}, then cancels them all; returns nanoseconds per
     * schedule-and-cancel and the heap still held per timer after one more loop iteration.
     */
    public static double[] timers(double[] delays, boolean measureHeap) {
        return Asyncio.run(timersMain(delays, measureHeap));
    }
}
