package dev.jasyncio.benchmarks.vt;

import dev.jasyncio.benchmarks.common.Heap;
import dev.jasyncio.benchmarks.common.Workloads;

import java.lang.ref.Reference;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workloads written with virtual threads (JDK 21+), blocking calls where the others await. Run with one
 * carrier ({@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1}); the
 * driver itself is a virtual thread, so everything shares that carrier. The module targets Java 17, so the
 * virtual thread factory is looked up reflectively once.
 */
public final class VirtualThreadWorkloads {

    private static final ThreadFactory VIRTUAL = virtualThreadFactory();

    private VirtualThreadWorkloads() {
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** True when this JDK has virtual threads. */
    public static boolean available() {
        return VIRTUAL != null;
    }

    private static ThreadFactory factory() {
        if (VIRTUAL == null) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or later, this is "
                    + Runtime.version());
        }
        return VIRTUAL;
    }

    /** Runs {@code body} in a virtual thread and returns its result. */
    static <T> T inVirtualThread(Callable<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = factory().newThread(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    private static void joinAll(Thread[] threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /** W1: starts {@code n} virtual threads that each yield once, then joins them all. */
    public static void w1Spawn(int n) {
        inVirtualThread(() -> {
            ThreadFactory f = factory();
            Thread[] threads = new Thread[n];
            Runnable body = Thread::yield;
            for (int i = 0; i < n; i++) {
                threads[i] = f.newThread(body);
                threads[i].start();
            }
            joinAll(threads);
            return null;
        });
    }

    /** W2: heap per thread, in bytes, while {@code n} virtual threads sleep. */
    public static double w2SleepingHeap(int n) {
        return inVirtualThread(() -> {
            ThreadFactory f = factory();
            Thread[] threads = new Thread[n];
            CountDownLatch started = new CountDownLatch(n);
            long sleepMillis = (long) (Workloads.SLEEP_SECONDS * 1000);
            Runnable body = () -> {
                started.countDown();
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    // cancelled
                }
            };
            long before = Heap.usedAfterGc();
            for (int i = 0; i < n; i++) {
                threads[i] = f.newThread(body);
                threads[i].start();
            }
            started.await();
            Thread.yield();
            long after = Heap.usedAfterGc();
            for (Thread t : threads) {
                t.interrupt();
            }
            joinAll(threads);
            Reference.reachabilityFence(threads);
            return (after - before) / (double) n;
        });
    }

    /** W3a: one virtual thread yields {@code n} times. */
    public static void w3aSwitches(int n) {
        inVirtualThread(() -> {
            for (int i = 0; i < n; i++) {
                Thread.yield();
            }
            return null;
        });
    }

    /** W3a': two virtual threads on one carrier yield {@code n} times in all, taking turns. */
    public static void w3aPairSwitches(int n) {
        inVirtualThread(() -> {
            Thread[] pair = {factory().newThread(() -> yieldTimes(n / 2)),
                             factory().newThread(() -> yieldTimes(n - n / 2))};
            for (Thread t : pair) {
                t.start();
            }
            joinAll(pair);
            return null;
        });
    }

    private static void yieldTimes(int n) {
        for (int i = 0; i < n; i++) {
            Thread.yield();
        }
    }

    /** W4: {@code n} round trips between two virtual threads over two blocking queues of capacity 1. */
    public static void w4PingPong(int n) {
        inVirtualThread(() -> {
            BlockingQueue<Integer> ping = new ArrayBlockingQueue<>(1);
            BlockingQueue<Integer> pong = new ArrayBlockingQueue<>(1);
            ThreadFactory f = factory();
            Thread a = f.newThread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        ping.put(i & 63);
                        pong.take();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread b = f.newThread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        pong.put(ping.take());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            a.start();
            b.start();
            a.join();
            b.join();
            return null;
        });
    }

    /** W5: fib(n) as plain calls inside a virtual thread (a virtual thread needs no async calls). */
    public static int w5Fib(int n) {
        return inVirtualThread(() -> Workloads.fib(n));
    }
}
