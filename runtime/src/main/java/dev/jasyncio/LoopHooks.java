package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What a loop does around its steps only when asked: debug mode's timing and creation sites, tracing, contexts
 * ({@link LoopContexts}). Kept apart so that a loop using none of it pays one null check per step
 * ({@code EventLoop.stepHooks}) and one per task creation.
 */
final class LoopHooks {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");

    private final EventLoop loop;
    final LoopContexts contexts;
    /** Debug mode: where each task was created, for warnings and task trees. Weak: done tasks go away. */
    private final Map<Task<?>, List<StackTraceElement>> sites = new WeakHashMap<>();
    private TraceRecorder trace;

    LoopHooks(EventLoop loop) {
        this.loop = loop;
        this.contexts = new LoopContexts(loop);
    }

    /** Whether steps must go through {@link #run}. */
    boolean active() {
        return loop.getDebug() || trace != null || contexts.on();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps

    /** Runs one ready item (a task's step or a handle) with whatever is switched on. */
    void run(Object next) {
        contexts.restoreThreadContext();
        boolean timed = loop.getDebug() || trace != null;
        if (!(next instanceof Task)) {
            long start = timed ? System.nanoTime() : 0;
            ((Handle) next).run();
            if (timed) {
                finished(next, null, start, System.nanoTime());
            }
            return;
        }
        Task<?> t = (Task<?>) next;
        if (t.done()) {
            t.step(); // a no-op: nothing to time or trace
            return;
        }
        boolean timerEntry = t.timerEntry();
        String from = timed ? location(t) : null;
        long start = timed ? System.nanoTime() : 0;
        if (contexts.on()) {
            contexts.step(t);
        } else {
            t.step();
        }
        if (timed) {
            // A sleeping task is its own timer: its entry in the ready queue only schedules its real step.
            finished(t, timerEntry ? null : from, start, System.nanoTime());
        }
    }

    /** {@code from} is null for the entry of a sleeping task's timer, which only schedules the task's step. */
    private void finished(Object item, String from, long start, long end) {
        TraceRecorder tr = trace;
        if (tr != null) {
            if (!(item instanceof Task)) {
                tr.handle((Handle) item, start, end);
            } else if (from == null) {
                tr.timerFired((Task<?>) item, start, end);
            } else {
                tr.step((Task<?>) item, from, start, end);
            }
        }
        double took = (end - start) / 1e9;
        if (loop.getDebug() && took >= loop.getSlowCallbackDuration()) {
            LOG.log(Level.WARNING, slowMessage(item, from, took));
        }
    }

    /** asyncio's "Executing ... took N seconds", with where the step started and ended, and the task's origin. */
    private String slowMessage(Object item, String from, double took) {
        String text = String.format("Executing %s took %.3f seconds", item, took);
        if (!(item instanceof Task) || from == null) {
            return text;
        }
        Task<?> t = (Task<?>) item;
        String to = t.done() ? "its end" : location(t);
        String site = CreationSite.callSite(sites.get(t));
        return text + "; step of task '" + t.getName() + "' from " + from + " to " + to
                + (site == null ? "" : ", created at " + site);
    }

    /**
     * Where the task is suspended: the innermost frame with a known position (library frames such as sleep have
     * none), as {@code Fetch.main (Fetch.java:12)}; {@code the start of Fetch.main} before its first step.
     */
    static String location(Task<?> t) {
        AsyncFrame<?> f = t.innermostFrame();
        if (t.notStarted()) {
            return "the start of " + f.coroutineName();
        }
        for (AsyncFrame<?> g = f; g != null; g = g.caller) {
            String at = g.state == AsyncFrame.RUNNING ? g.suspendedAt() : null;
            if (at != null) {
                return g.coroutineName() + " (" + at + ")";
            }
        }
        return f.coroutineName();
    }

    /** The loop stopped: put back the thread's context if a step switched it. */
    void loopStopped() {
        contexts.restoreThreadContext();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Task lifetime

    void taskCreated(Task<?> t) {
        if (loop.getDebug()) {
            sites.put(t, CreationSite.capture());
        }
        if (Context.used) {
            contexts.taskCreated(t);
        }
    }

    void taskFinished(Task<?> t) {
        contexts.taskFinished(t);
    }

    /** Where {@code t} was created (debug mode), or null. */
    List<StackTraceElement> site(Task<?> t) {
        return sites.get(t);
    }

    Map<Task<?>, List<StackTraceElement>> sites() {
        return sites;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tracing

    void startTrace() {
        if (trace != null) {
            throw new IllegalStateException("the loop is already tracing");
        }
        trace = new TraceRecorder(loop);
        loop.updateStepHooks();
    }

    TraceRecorder stopTrace() {
        TraceRecorder tr = trace;
        if (tr == null) {
            throw new IllegalStateException("the loop is not tracing: call startTrace() first");
        }
        trace = null;
        loop.updateStepHooks();
        return tr;
    }

    boolean tracing() {
        return trace != null;
    }
}
