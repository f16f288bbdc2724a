package dev.jasyncio;

import java.lang.ref.Cleaner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asyncio's "Task exception was never retrieved": a failed future that is collected before anyone looked at its
 * failure reports it through the loop's exception handler.
 *
 * <p>Registered with a {@link Cleaner} only when a future fails, so the success path costs nothing. This state
 * must not reference the future (it would never become unreachable), so it keeps what the report needs: the
 * loop, the failure, and the future's description taken when it failed.
 */
final class UnretrievedFailure implements Runnable {

    /** Created on the first failure: a program that never fails never starts the cleaner's thread. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final EventLoop loop;
    private final Throwable failure;
    private final String kind;
    private final String description;
    private volatile boolean retrieved;
    private Cleaner.Cleanable cleanable;

    private UnretrievedFailure(EventLoop loop, Throwable failure, String kind, String description) {
        this.loop = loop;
        this.failure = failure;
        this.kind = kind;
        this.description = description;
    }

    static UnretrievedFailure watch(Future<?> future, Throwable failure) {
        UnretrievedFailure state = new UnretrievedFailure(future.loop, failure,
                future instanceof Task ? "Task" : "Future", future.toString());
        state.cleanable = Holder.CLEANER.register(future, state);
        return state;
    }

    /** The failure it watches. */
    Throwable failure() {
        return failure;
    }

    /** Someone looked at the failure: unregister, nothing to report. */
    void retrieved() {
        retrieved = true;
        cleanable.clean();
    }

    /** The future was collected (on the cleaner's thread), or {@link #retrieved()} ran. */
    @Override
    public void run() {
        if (retrieved) {
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", kind + " exception was never retrieved");
        context.put("exception", failure);
        context.put("future", description);
        if (loop.isRunning()) {
            try {
                // The handler belongs to the loop's thread while it runs.
                loop.callSoonThreadsafe(() -> loop.callExceptionHandler(context));
                return;
            } catch (IllegalStateException closedMeanwhile) {
                // fall through: report from here
            }
        }
        loop.callExceptionHandler(context);
    }
}
