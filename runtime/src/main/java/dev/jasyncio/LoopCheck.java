package dev.jasyncio;

/**
 * The check that a future belongs to the loop that is to wait for it, as asyncio's
 * {@code ensure_future(fut, loop=loop)}: a future completes on its own loop's thread and wakes only that loop's
 * tasks, so another loop waiting for it would wait for ever, or race with the other thread.
 */
final class LoopCheck {

    private LoopCheck() {
    }

    /** {@code future} if it belongs to {@code loop}; {@link IllegalArgumentException} (asyncio's ValueError) if not. */
    static <F extends Future<?>> F sameLoop(F future, EventLoop loop) {
        if (future.loop != loop) {
            throw new IllegalArgumentException("The future belongs to a different loop than the one that is to wait "
                    + "for it: " + future + " is bound to " + future.loop + ", not to " + loop + ". A future is awaited "
                    + "on its own loop; to hand work or a result from one loop to another, use "
                    + "runCoroutineThreadsafe(coro, loop) or a CompletableFuture, which any loop can await.");
        }
        return future;
    }
}
