package dev.jasyncio;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Adapts a {@link CompletionStage} completed on any thread into a {@link Future} of the loop: the completion is
 * handed over through {@link EventLoop#callSoonThreadsafe(Runnable)}, so the awaiting coroutine resumes on the
 * loop's thread with the stage's value or its original failure. Cancelling the future (the awaiting task is
 * cancelled) cancels the stage too when it is a {@link java.util.concurrent.Future}, and a stage that ends cancelled
 * cancels the future, as asyncio's {@code wrap_future} does.
 */
final class StageBridge {

    private StageBridge() {
    }

    static <T> Future<T> toFuture(CompletionStage<T> stage, EventLoop loop) {
        Future<T> future = new Future<>(loop);
        stage.whenComplete((value, failure) -> deliver(loop, () -> {
            if (future.done()) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof java.util.concurrent.CancellationException) {
                    future.cancel();
                } else {
                    future.setException(cause);
                }
            } else {
                future.setResult(value);
            }
        }));
        if (stage instanceof java.util.concurrent.Future) {
            java.util.concurrent.Future<?> source = (java.util.concurrent.Future<?>) stage;
            future.addDoneCallback(f -> {
                if (f.cancelled()) {
                    // true: a plain CompletableFuture ignores it, but HttpClient's aborts the exchange only then
                    source.cancel(true);
                }
            });
        }
        return future;
    }

    /** Hands the outcome to the loop; a loop closed meanwhile has nobody left to tell. */
    private static void deliver(EventLoop loop, Runnable outcome) {
        if (loop.isClosed()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(outcome);
        } catch (IllegalStateException closed) {
            // closed between the check and the call
        }
    }
}
