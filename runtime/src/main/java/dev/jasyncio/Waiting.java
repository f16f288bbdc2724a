package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The coroutine of {@code Asyncio.wait}: asyncio's {@code _wait}. A done callback on every future counts
 * completions and releases a waiter future when {@link ReturnWhen} is satisfied or the timeout passes; the
 * futures themselves are never cancelled.
 *
 * @param <T> the futures' result type
 */
final class Waiting<T> extends LibraryFrame<WaitResult<T>> implements WaitsFor {

    private final Set<Future<T>> futures;
    private final double timeout;
    private final ReturnWhen when;
    private Future<Void> waiter;
    private TimerHandle timeoutHandle;
    private int counter;
    private final Consumer<Future<T>> onCompletion = this::onCompletion;

    Waiting(Collection<? extends Future<T>> fs, double timeout, ReturnWhen when) {
        if (when == null) {
            throw new IllegalArgumentException("Invalid return_when value: null");
        }
        if (fs.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        // A set, as asyncio's set(fs): duplicates count once; futures compare by identity.
        this.futures = new LinkedHashSet<>(fs);
        this.timeout = timeout;
        this.when = when;
    }

    @Override
    public Set<Future<T>> waitsFor() {
        return futures;
    }

    @Override
    protected Object step(Object value, Throwable error) {
        switch (label) {
            case 0:
                for (Future<T> f : futures) {
                    LoopCheck.sameLoop(f, task.loop); // their callbacks would run on the other loop's thread
                }
                waiter = task.loop.createFuture();
                if (timeout != Double.POSITIVE_INFINITY) {
                    timeoutHandle = task.loop.callLater(timeout, this::release);
                }
                counter = futures.size();
                for (Future<T> f : futures) {
                    f.addDoneCallback(onCompletion);
                }
                return await(waiter, 1);
            default:
                if (timeoutHandle != null) {
                    timeoutHandle.cancel();
                }
                for (Future<T> f : futures) {
                    f.removeDoneCallback(onCompletion);
                }
                rethrow(error);
                Set<Future<T>> done = new LinkedHashSet<>();
                Set<Future<T>> pending = new LinkedHashSet<>();
                for (Future<T> f : futures) {
                    (f.done() ? done : pending).add(f);
                }
                return new WaitResult<>(done, pending);
        }
    }

    private void onCompletion(Future<T> f) {
        counter--;
        if (counter <= 0 || when == ReturnWhen.FIRST_COMPLETED
                || when == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null) {
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
            }
            release();
        }
    }

    private void release() {
        if (!waiter.done()) {
            waiter.setResult(null);
        }
    }

    @Override
    public String coroutineName() {
        return "wait";
    }
}
