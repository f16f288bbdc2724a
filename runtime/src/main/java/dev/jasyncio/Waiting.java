package dev.jasyncio;

import dev.jasyncio.annotations.Async;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code Asyncio.wait}: asyncio's {@code _wait}. A done callback on every future counts completions and releases
 * the waiter when {@link ReturnWhen} is satisfied or the timeout passes; the futures themselves are never
 * cancelled.
 *
 * @param <T> the futures' result type
 */
final class Waiting<T> {

    private final Set<Future<T>> futures;
    private final double timeout;
    private final ReturnWhen when;
    private Waiter waiter;
    private TimerHandle timeoutHandle;
    private int counter;
    private final Consumer<Future<T>> onCompletion = this::onCompletion;

    private Waiting(Collection<? extends Future<T>> fs, double timeout, ReturnWhen when) {
        // A set, as asyncio's set(fs): duplicates count once; futures compare by identity.
        this.futures = new LinkedHashSet<>(fs);
        this.timeout = timeout;
        this.when = when;
    }

    /** The coroutine of {@code wait(fs, timeout, when)}; the arguments are checked at once. */
    static <T> Coroutine<WaitResult<T>> of(Collection<? extends Future<T>> fs, double timeout, ReturnWhen when) {
        if (when == null) {
            throw new IllegalArgumentException("Invalid return_when value: null");
        }
        if (fs.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        return new Waiting<>(fs, timeout, when).run();
    }

    @Async
    private Coroutine<WaitResult<T>> run() {
        EventLoop loop = EventLoop.requireRunning();
        for (Future<T> f : futures) {
            LoopCheck.sameLoop(f, loop); // their callbacks would run on the other loop's thread
        }
        waiter = new Waiter(loop);
        if (timeout != Double.POSITIVE_INFINITY) {
            timeoutHandle = loop.callLater(timeout, this::release);
        }
        counter = futures.size();
        for (Future<T> f : futures) {
            f.addDoneCallback(onCompletion);
        }
        try {
            Asyncio.await(waiter);
        } finally {
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
            }
            for (Future<T> f : futures) {
                f.removeDoneCallback(onCompletion);
            }
        }
        Set<Future<T>> done = new LinkedHashSet<>();
        Set<Future<T>> pending = new LinkedHashSet<>();
        for (Future<T> f : futures) {
            (f.done() ? done : pending).add(f);
        }
        return Coroutine.of(new WaitResult<>(done, pending));
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

    /** The future the waiting task is parked on; it tells task trees which futures are behind it. */
    private final class Waiter extends Future<Void> implements WaitsFor {

        Waiter(EventLoop loop) {
            super(loop);
        }

        @Override
        public Set<Future<T>> waitsFor() {
            return futures;
        }
    }
}
