package dev.jasyncio;

/**
 * {@code shield(aw)}, as asyncio's: a new future that follows the inner one, so that cancelling the future (or
 * the task awaiting it) does not cancel the inner work. Cancelling the inner one from elsewhere still cancels
 * the shield.
 */
final class Shield {

    private Shield() {
    }

    static <T> Future<T> of(Awaitable<T> aw) {
        Future<T> inner = Asyncio.ensureFuture(aw);
        if (inner.done()) {
            return inner;
        }
        Future<T> outer = new Future<>(inner.loop);
        java.util.function.Consumer<Future<T>> innerDone = f -> {
            if (outer.cancelled()) {
                if (!f.cancelled()) {
                    f.exception(); // mark the inner failure as retrieved
                }
                return;
            }
            if (f.cancelled()) {
                outer.cancel();
            } else if (f.exception() != null) {
                outer.setException(f.exception());
            } else {
                outer.setResult(f.result());
            }
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(o -> {
            if (!inner.done()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }
}
