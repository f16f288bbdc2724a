package dev.jasyncio.benchmarks.common;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A bounded queue for code built on {@link CompletableFuture}, confined to one single-threaded executor: the
 * counterpart of an asyncio queue with {@code maxsize}. A waiting consumer or producer is woken through the
 * executor (as a loop schedules a woken task), never inline.
 *
 * @param <T> the element type
 */
public final class AsyncQueue<T> {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final int capacity;
    private final Executor loop;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<T>> getters = new ArrayDeque<>();
    private final ArrayDeque<Object[]> putters = new ArrayDeque<>();

    /** A queue of at most {@code capacity} items (at least 1) whose wake-ups run on {@code loop}. */
    public AsyncQueue(int capacity, Executor loop) {
        this.capacity = Math.max(1, capacity);
        this.loop = loop;
    }

    /** Adds {@code item}, waiting for room if the queue is full. */
    public CompletableFuture<Void> put(T item) {
        CompletableFuture<T> getter = getters.poll();
        if (getter != null) {
            loop.execute(() -> getter.complete(item));
            return DONE;
        }
        if (items.size() < capacity) {
            items.add(item);
            return DONE;
        }
        CompletableFuture<Void> putter = new CompletableFuture<>();
        putters.add(new Object[] {item, putter});
        return putter;
    }

    /** Removes the oldest item, waiting for one if the queue is empty. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> get() {
        T item = items.poll();
        if (item != null) {
            Object[] putter = putters.poll();
            if (putter != null) {
                items.add((T) putter[0]);
                CompletableFuture<Void> f = (CompletableFuture<Void>) putter[1];
                loop.execute(() -> f.complete(null));
            }
            return CompletableFuture.completedFuture(item);
        }
        CompletableFuture<T> getter = new CompletableFuture<>();
        getters.add(getter);
        return getter;
    }
}
