package dev.jasyncio;

import java.lang.ref.Cleaner;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** Where the task was created (debug mode), or null. */
    private final List<StackTraceElement> site;
    private volatile boolean retrieved;
    private Cleaner.Cleanable cleanable;
    /** Reported, or taken by a test: the other must not report it again. */
    private boolean claimed;

    private UnretrievedFailure(EventLoop loop, Throwable failure, String kind, String description,
                               List<StackTraceElement> site) {
        this.loop = loop;
        this.site = site;
        this.failure = failure;
        this.kind = kind;
        this.description = description;
    }

    static UnretrievedFailure watch(Future<?> future, Throwable failure) {
        UnretrievedFailure state = new UnretrievedFailure(future.loop, failure,
                future instanceof Task ? "Task" : "Future", future.toString(),
                future instanceof Task ? future.loop.creationSite((Task<?>) future) : null);
        state.cleanable = Holder.CLEANER.register(future, state);
        LoopHooks hooks = future.loop.existingHooks();
        if (hooks != null) {
            hooks.failureWatched(state);
        }
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
        if (retrieved || !claim()) {
            return;
        }
        Map<String, Object> context = context();
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

    /** For a test's check: the report if nobody retrieved the failure nor reported it yet, then retrieved. */
    Map<String, Object> takeIfUnreported() {
        if (retrieved || !claim()) {
            return null;
        }
        retrieved();
        return context();
    }

    private synchronized boolean claim() {
        boolean first = !claimed;
        claimed = true;
        return first;
    }

    boolean isRetrieved() {
        return retrieved;
    }

    private Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", kind + " exception was never retrieved");
        context.put("exception", failure);
        context.put("future", description);
        if (site != null) {
            context.put("source_traceback", site);
        }
        return context;
    }
}
