package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.util.concurrent.CompletionStage;

/**
 * The coroutine of {@code waitFor(stage, timeout)}: wraps the stage in a future of the running loop when it starts
 * (on the loop's thread, where {@code wrapFuture} must be called), then is {@code waitFor(future, timeout)}, so a
 * stage under a timeout behaves exactly as asyncio's {@code wait_for(wrap_future(cf), timeout)}.
 *
 * @param <T> the stage's value type
 */
final class StageWait<T> extends LibraryFrame<T> {

    private final CompletionStage<T> stage;
    private final double timeoutSeconds;

    StageWait(CompletionStage<T> stage, double timeoutSeconds) {
        this.stage = stage;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    protected Object step(Object value, Throwable error) {
        if (label == 0) {
            return await(Asyncio.waitFor(StageBridge.toFuture(stage, task.loop), timeoutSeconds), 1);
        }
        rethrow(error);
        return value;
    }

    @Override
    public String coroutineName() {
        return "wait_for";
    }
}
