package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.util.function.Consumer;

/**
 * {@code waitFor(aw, timeout)} with a timeout of zero or less, as asyncio's {@code wait_for}: the awaitable is
 * made a future (a coroutine becomes a task that never gets to run); if it is done already its outcome is the
 * result, otherwise it is cancelled and waited for ({@code _cancel_and_wait}, through a separate waiter so that
 * this wait stays cancellable itself), and its cancellation becomes a {@link TimeoutError}.
 *
 * @param <T> the awaitable's result type
 */
final class ExpiredWait<T> extends LibraryFrame<T> {

    private final Awaitable<T> awaitable;
    private Future<T> future;
    private Consumer<Future<T>> release;

    ExpiredWait(Awaitable<T> awaitable) {
        this.awaitable = awaitable;
    }

    @Override
    protected Object step(Object value, Throwable error) {
        switch (label) {
            case 0:
                future = task.loop.ensureFuture(awaitable);
                if (future.done()) {
                    return future.result();
                }
                Future<Void> waiter = task.loop.createFuture();
                release = f -> {
                    if (!waiter.done()) {
                        waiter.setResult(null);
                    }
                };
                future.addDoneCallback(release);
                future.cancel();
                return await(waiter, 1);
            default:
                future.removeDoneCallback(release);
                rethrow(error);
                try {
                    return future.result();
                } catch (CancelledError e) {
                    throw new TimeoutError(null, e);
                }
        }
    }

    @Override
    public String coroutineName() {
        return "wait_for";
    }
}
