package dev.jasyncio.benchmarks.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The single-threaded executor that plays the event loop for the {@link CompletableFuture} and EA Async
 * implementations: a program starts on it and everything it schedules runs on its one thread.
 */
public final class SingleThreadLoop {

    /** A task that does nothing: what a bare yield runs. */
    public static final Runnable NOOP = () -> { };

    private SingleThreadLoop() {
    }

    /** Runs {@code main} on a fresh single-thread executor and waits for the future it returns. */
    public static <T> T run(Function<ExecutorService, CompletableFuture<T>> main) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            return CompletableFuture.supplyAsync(() -> main.apply(loop), loop)
                    .thenCompose(Function.identity()).join();
        } finally {
            loop.shutdownNow();
        }
    }

    /**
     * Runs {@code main} on a fresh single-thread scheduled executor (the loop with timers), removing cancelled
     * timers at once; tasks still scheduled when it finishes are dropped.
     */
    public static <T> T runScheduled(Function<ScheduledThreadPoolExecutor, CompletableFuture<T>> main) {
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1);
        loop.setRemoveOnCancelPolicy(true);
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            return CompletableFuture.supplyAsync(() -> main.apply(loop), loop)
                    .thenCompose(Function.identity()).join();
        } finally {
            loop.shutdownNow();
        }
    }

    /** A future completed by the loop once the tasks queued before it have run: one yield through the loop. */
    public static CompletableFuture<Void> yieldNow(ExecutorService loop) {
        return CompletableFuture.runAsync(NOOP, loop);
    }

    /** A future completed by the loop's timer after {@code seconds}. */
    public static CompletableFuture<Void> sleep(ScheduledThreadPoolExecutor loop, double seconds) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        loop.schedule(() -> f.complete(null), (long) (seconds * 1e9), TimeUnit.NANOSECONDS);
        return f;
    }

    /** Starts {@code body} as a task on the loop: it takes its first step when the loop gets to it. */
    public static <T> CompletableFuture<T> spawn(ExecutorService loop, Supplier<CompletableFuture<T>> body) {
        return CompletableFuture.supplyAsync(body, loop).thenCompose(Function.identity());
    }
}
