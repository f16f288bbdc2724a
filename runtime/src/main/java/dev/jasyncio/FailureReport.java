package dev.jasyncio;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * asyncio's "Task exception was never retrieved": the report of a failed future nobody looked at, given through the
 * loop's exception handler when the future is collected, or when its loop closes, whichever comes first.
 *
 * <p>Registered with a {@link Cleaner} on the future, so this object must not keep the future reachable: it holds
 * the loop, the future's description taken when it failed, and the failure. The failure may reference the future
 * (an exception that names its task): held strongly, it would keep the future alive forever and the report would
 * never come. So only the loop's most recent unretrieved failures are held strongly (see {@link FailureReports});
 * an older one is loosened: copied ({@link FailureCopy}: text and stack trace, no references to the program's
 * objects) and then held weakly, which lets a cycle through the future be collected and reported.
 */
final class FailureReport implements Runnable {

    /** Created on the first failure: a program that never fails never starts the cleaner's thread. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final EventLoop loop;
    private final String kind;
    private final String description;
    /** Where the task was created (debug mode), or null. */
    private final List<StackTraceElement> site;
    /** The failure while it is held strongly; null once loosened or retrieved. */
    private Throwable failure;
    /** Once loosened: the failure, if something else still holds it, and its copy for when nothing does. */
    private WeakReference<Throwable> weakFailure;
    private Throwable copy;
    private volatile boolean retrieved;
    private Cleaner.Cleanable cleanable;
    /** Reported, or taken by a test: nothing more to do. */
    private boolean delivered;

    private FailureReport(EventLoop loop, Throwable failure, String kind, String description,
                          List<StackTraceElement> site) {
        this.loop = loop;
        this.failure = failure;
        this.kind = kind;
        this.description = description;
        this.site = site;
    }

    static FailureReport watch(Future<?> future, Throwable failure) {
        FailureReport report = new FailureReport(future.loop, failure,
                future instanceof Task ? "Task" : "Future", future.toString(),
                future instanceof Task ? future.loop.creationSite((Task<?>) future) : null);
        report.cleanable = Holder.CLEANER.register(future, report);
        future.loop.failureReports().add(report);
        return report;
    }

    /** Someone looked at the failure: unregister, nothing to report. */
    void retrieved() {
        retrieved = true;
        synchronized (this) {
            failure = null;
        }
        cleanable.clean();
        loop.failureReports().remove(this);
    }

    boolean isRetrieved() {
        return retrieved;
    }

    /** Stops holding the failure strongly (see the class comment); a copy stands in for it if it is collected. */
    synchronized void loosen() {
        Throwable f = failure;
        if (f == null) {
            return;
        }
        copy = FailureCopy.of(f);
        weakFailure = new WeakReference<>(f);
        failure = null;
    }

    /** Whether the failure is still held strongly (tests). */
    synchronized boolean holdsFailure() {
        return failure != null;
    }

    /** The future was collected (on the cleaner's thread), or {@link #retrieved()} ran. */
    @Override
    public void run() {
        if (retrieved) {
            return;
        }
        if (loop.isRunning()) {
            try {
                // The handler belongs to the loop's thread while it runs. Until it has run, the report stays in
                // the loop's record: if the loop stops and closes first, closing delivers it.
                loop.callSoonThreadsafe(this::deliver);
                return;
            } catch (IllegalStateException closedMeanwhile) {
                // fall through: report from here
            }
        }
        deliver();
    }

    /** The loop closes with this failure unreported: reported now, on the closing thread. */
    void reportOnClose() {
        deliver();
        cleanable.clean(); // delivered: the cleaner's run does nothing
    }

    private void deliver() {
        if (!claim()) {
            return;
        }
        loop.failureReports().remove(this);
        loop.callExceptionHandler(context());
    }

    /** For a test's check: the report if nobody retrieved the failure nor reported it yet, then retrieved. */
    Map<String, Object> takeIfUnreported() {
        if (!claim()) {
            return null;
        }
        Map<String, Object> context = context();
        retrieved();
        return context;
    }

    /** Whether this call is the one that reports (or takes) the failure: not retrieved, not reported yet. */
    private synchronized boolean claim() {
        if (retrieved || delivered) {
            return false;
        }
        delivered = true;
        return true;
    }

    private synchronized Throwable failureForReport() {
        if (failure != null) {
            return failure;
        }
        Throwable f = weakFailure == null ? null : weakFailure.get();
        return f != null ? f : copy;
    }

    private Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", kind + " exception was never retrieved");
        context.put("exception", failureForReport());
        context.put("future", description);
        if (site != null) {
            context.put("source_traceback", site);
        }
        return context;
    }
}
