package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

import static dev.jasyncio.Asyncio.await;

/**
 * {@code asCompleted(aws[, timeout])}: asyncio's {@code _AsCompletedIterator} used as a plain iterator. The
 * awaitables start at once (coroutines become tasks); each element of the iteration is a new coroutine that
 * produces the result (or raises the failure) of the next one to finish, or raises {@link TimeoutError} once the
 * timeout has passed. Like Python's, it is its own iterator: iterate it once.
 *
 * @param <T> the result type
 */
final class AsCompleted<T> implements Iterable<Awaitable<T>>, Iterator<Awaitable<T>> {

    /** Completed futures in completion order; null entries are timeout sentinels. */
    private final Queue<Future<?>> done = new Queue<>();
    private final Set<Future<?>> todo = new LinkedHashSet<>();
    private int todoLeft;
    private TimerHandle timeoutHandle;
    private final Consumer<Future<?>> onCompletion = this::handleCompletion;

    AsCompleted(Collection<? extends Awaitable<? extends T>> aws, double timeout) {
        EventLoop loop = EventLoop.running();
        // asyncio's {ensure_future(aw) for aw in set(aws)}: each distinct awaitable once.
        Set<Awaitable<?>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Awaitable<? extends T> aw : aws) {
            if (distinct.add(aw)) {
                Future<?> f = aw instanceof Future ? (Future<?>) aw : EventLoop.requireRunning().ensureFuture(aw);
                if (loop == null) {
                    loop = f.loop;
                } else {
                    LoopCheck.sameLoop(f, loop); // asyncio's ensure_future(f, loop=loop)
                }
                todo.add(f);
            }
        }
        for (Future<?> f : todo) {
            callbacksOf(f).addDoneCallback(onCompletion);
        }
        if (!todo.isEmpty() && timeout != Double.POSITIVE_INFINITY) {
            timeoutHandle = loop.callLater(timeout, this::handleTimeout);
        }
        todoLeft = todo.size();
    }

    /** A future seen as one of {@code Future<Object>}, to register the one untyped callback on all of them. */
    @SuppressWarnings("unchecked")
    private static Future<Object> callbacksOf(Future<?> f) {
        return (Future<Object>) f;
    }

    @Override
    public Iterator<Awaitable<T>> iterator() {
        return this;
    }

    @Override
    public boolean hasNext() {
        return todoLeft > 0;
    }

    @Override
    public Awaitable<T> next() {
        if (todoLeft <= 0) {
            throw new NoSuchElementException();
        }
        todoLeft--;
        return waitForOne();
    }

    private void handleTimeout() {
        for (Future<?> f : todo) {
            callbacksOf(f).removeDoneCallback(onCompletion);
            done.putNowait(null); // a sentinel per awaitable still to come
        }
        todo.clear();
    }

    private void handleCompletion(Future<?> f) {
        if (todo.isEmpty()) {
            return; // the timeout came first
        }
        todo.remove(f);
        done.putNowait(f);
        if (todo.isEmpty() && timeoutHandle != null) {
            timeoutHandle.cancel();
        }
    }

    /** One element of the iteration: asyncio's {@code _wait_for_one(resolve=True)}. */
    @Async
    @SuppressWarnings("unchecked")
    private Coroutine<T> waitForOne() {
        Future<?> f = await(done.get());
        if (f == null) {
            throw new TimeoutError();
        }
        return Coroutine.of((T) f.result());
    }
}
