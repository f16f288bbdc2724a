package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.Threads;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.await;

/**
 * Work that crosses threads: blocking calls run on an executor and come back as a loop {@link Future}
 * ({@code run_in_executor}, {@code to_thread}), coroutines submitted from other threads
 * ({@code run_coroutine_threadsafe}), the default executor's life cycle. Every completion re-enters the loop
 * through {@link EventLoop#callSoonThreadsafe(Runnable)}.
 */
final class ThreadBridge {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");

    private ThreadBridge() {
    }

    /**
     * The default executor of {@code toThread} and {@code runInExecutor(null, ...)}: on JDK 21 and later a new
     * virtual thread per call (blocking calls such as JDBC then cost no platform thread each); before, asyncio's
     * pool of min(32, cpus + 4) threads. Threads are named {@code asyncio-N} and never hold the JVM.
     */
    static ExecutorService newDefaultExecutor() {
        ExecutorService virtual = Threads.newVirtualPerTaskExecutor("asyncio-");
        if (virtual != null) {
            return virtual;
        }
        int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Threads.factory("asyncio-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * {@code Future.toCompletableFuture()}: a {@link CompletableFuture} completed on the loop's thread with
     * {@code future}'s outcome; cancelling either cancels the other (from any thread for the CompletableFuture).
     * Called on the loop's thread.
     */
    static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        EventLoop loop = future.getLoop();
        if (future.done()) {
            copyOutcome(future, cf);
            return cf;
        }
        future.addDoneCallback(f -> copyOutcome(f, cf));
        cf.whenComplete((v, e) -> {
            if (cf.isCancelled() && !loop.isClosed()) {
                try {
                    loop.callSoonThreadsafe(() -> future.cancel());
                } catch (IllegalStateException closed) {
                    // the loop closed meanwhile: nothing is left to cancel
                }
            }
        });
        return cf;
    }

    private static <T> void copyOutcome(Future<T> f, CompletableFuture<T> cf) {
        if (f.cancelled()) {
            cf.cancel(false);
            return;
        }
        Throwable failure = f.exception();
        if (failure != null) {
            cf.completeExceptionally(failure);
        } else {
            cf.complete(f.result());
        }
    }

    /** asyncio's {@code wrap_future(executor.submit(fn))}: cancelling the result cancels the work if not started. */
    static <T> Future<T> submit(EventLoop loop, Executor executor, Callable<T> fn) {
        Future<T> future = new Future<>(loop);
        FutureTask<Void> work = new FutureTask<>(() -> {
            T value;
            try {
                value = fn.call();
            } catch (Throwable t) {
                complete(loop, future, null, t);
                return null;
            }
            complete(loop, future, value, null);
            return null;
        });
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                work.cancel(false);
            }
        });
        executor.execute(work);
        return future;
    }

    /** Sets the outcome on the loop's thread, unless the future was cancelled or the loop closed meanwhile. */
    private static <T> void complete(EventLoop loop, Future<T> future, T value, Throwable failure) {
        if (loop.isClosed()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(() -> {
                if (future.done()) {
                    return;
                }
                if (failure != null) {
                    future.setException(failure);
                } else {
                    future.setResult(value);
                }
            });
        } catch (IllegalStateException closed) {
            // The loop closed between the check and the call: nobody is left to tell.
        }
    }

    /** See {@link EventLoop#shutdownDefaultExecutor(double)}. */
    static Future<Void> shutdown(EventLoop loop, ExecutorService executor, double timeoutSeconds) {
        Future<Void> done = new Future<>(loop);
        if (executor == null) {
            done.setResult(null);
            return done;
        }
        executor.shutdown();
        Thread joiner = new Thread(() -> {
            boolean finished;
            try {
                finished = Double.isInfinite(timeoutSeconds)
                        ? executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS)
                        : executor.awaitTermination((long) (timeoutSeconds * 1e9), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                LOG.log(System.Logger.Level.WARNING, "The executor did not finishing joining its threads within "
                        + timeoutSeconds + " seconds.");
            }
            complete(loop, done, null, null);
        }, "asyncio-executor-shutdown");
        joiner.setDaemon(true);
        joiner.start();
        return done;
    }

    /**
     * asyncio's {@code run_coroutine_threadsafe}: {@code coro} becomes a task on {@code loop}, whose outcome
     * completes the returned future; cancelling that future cancels the task.
     */
    static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            if (result.isCancelled()) {
                return;
            }
            Task<T> task;
            try {
                task = loop.createTask(coro);
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            task.addDoneCallback(t -> {
                if (t.cancelled()) {
                    result.cancel(false);
                    return;
                }
                Throwable failure = t.exception();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(t.result());
                }
            });
            result.whenComplete((v, e) -> {
                if (result.isCancelled() && !loop.isClosed()) {
                    try {
                        loop.callSoonThreadsafe(task::cancel);
                    } catch (IllegalStateException closed) {
                        // nothing left to cancel
                    }
                }
            });
        });
        return result;
    }

    /** The coroutine of {@code toThread(fn)}: submits {@code fn} when it starts, as Python's async {@code to_thread}. */
    @Async
    static <T> Coroutine<T> toThread(Callable<T> fn) {
        return Coroutine.of(await(EventLoop.requireRunning().runInExecutor(null, fn)));
    }
}
