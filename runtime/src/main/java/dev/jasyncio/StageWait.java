package dev.jasyncio;

import dev.jasyncio.annotations.Async;

import java.util.concurrent.CompletionStage;

import static dev.jasyncio.Asyncio.await;

/**
 * The coroutine of {@code waitFor(stage, timeout)}: wraps the stage in a future of the running loop when it starts
 * (on the loop's thread, where {@code wrapFuture} must be called), then is {@code waitFor(future, timeout)}, so a
 * stage under a timeout behaves exactly as asyncio's {@code wait_for(wrap_future(cf), timeout)}.
 */
final class StageWait {

    private StageWait() {
    }

    @Async
    static <T> Coroutine<T> waitFor(CompletionStage<T> stage, double timeoutSeconds) {
        Future<T> future = StageBridge.toFuture(stage, EventLoop.requireRunning());
        return Coroutine.of(await(Asyncio.waitFor(future, timeoutSeconds)));
    }
}
