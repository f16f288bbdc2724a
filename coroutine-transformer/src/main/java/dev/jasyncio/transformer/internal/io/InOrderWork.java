package dev.jasyncio.transformer.internal.io;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on threads of its own while the caller takes the results one at a time, in the list's order: the
 * workers keep going while the caller writes what they made, with at most a window of results waiting. Batches, which
 * made the workers wait for the writing and for the slowest item of each batch, used a little over one of two cores.
 *
 * <p>An item's exception comes out of {@link #next()} for that item, as thrown. With one thread or one item, the
 * work runs on the caller's thread as it asks for it.
 */
public final class InOrderWork<T, R> implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final List<T> items;
    private final Function<T, R> work;
    private final int window;
    private final ExecutorService pool;
    private final ArrayDeque<Future<R>> pending = new ArrayDeque<>();
    private int submitted;
    private int taken;

    /** {@code threads}: how many workers; {@code window}: how many results may be done or under way ahead. */
    public InOrderWork(List<T> items, Function<T, R> work, int threads, int window) {
        this.items = List.copyOf(items);
        this.work = work;
        this.window = Math.max(1, window);
        int workers = Math.min(threads, items.size());
        if (workers <= 1) {
            this.pool = null;
        } else {
            String prefix = "jasyncio-instrument-" + POOLS.incrementAndGet() + "-";
            AtomicInteger count = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, prefix + count.incrementAndGet());
                t.setDaemon(true); // a build that stops early must not wait for workers
                return t;
            });
        }
    }

    /** Whether items are left to take. */
    public boolean hasNext() {
        return taken < items.size();
    }

    /** The next item's result, waiting for it if need be. */
    public R next() throws InterruptedException {
        if (!hasNext()) {
            throw new IllegalStateException("all " + items.size() + " results were taken");
        }
        if (pool == null) {
            return work.apply(items.get(taken++));
        }
        while (submitted < items.size() && pending.size() < window) {
            T item = items.get(submitted++);
            pending.add(pool.submit(() -> work.apply(item)));
        }
        Future<R> next = pending.poll();
        taken++;
        try {
            return next.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the workers; results not taken are dropped. */
    @Override
    public void close() {
        if (pool != null) {
            // The pool is stopped first: cancelling a running item first would free its worker to start the next
            // queued one before the queue was drained.
            pool.shutdownNow();
            pending.forEach(f -> f.cancel(true));
        }
    }
}
