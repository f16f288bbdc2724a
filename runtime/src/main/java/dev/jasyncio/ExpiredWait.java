package dev.jasyncio;

import dev.jasyncio.annotations.Async;

import java.util.function.Consumer;

import static dev.jasyncio.Asyncio.await;

/**
 * {@code waitFor(aw, timeout)} with a timeout of zero or less, as asyncio's {@code wait_for}: the awaitable is
 * made a future (a coroutine becomes a task that never gets to run); if it is done already its outcome is the
 * result, otherwise it is cancelled and waited for ({@code _cancel_and_wait}, through a separate waiter so that
 * this wait stays cancellable itself), and its cancellation becomes a {@link TimeoutError}.
 */
final class ExpiredWait {

    private ExpiredWait() {
    }

    @Async
    static <T> Coroutine<T> waitFor(Awaitable<T> awaitable) {
        EventLoop loop = EventLoop.requireRunning();
        Future<T> future = loop.ensureFuture(awaitable);
        if (future.done()) {
            return Coroutine.of(future.result());
        }
        Future<Void> waiter = loop.createFuture();
        Consumer<Future<T>> release = f -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        };
        future.addDoneCallback(release);
        try {
            future.cancel();
            await(waiter);
        } finally {
            future.removeDoneCallback(release);
        }
        try {
            return Coroutine.of(future.result());
        } catch (CancelledError e) {
            throw new TimeoutError(null, e);
        }
    }
}
