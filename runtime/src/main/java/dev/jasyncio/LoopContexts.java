package dev.jasyncio;

import dev.jasyncio.internal.Faults;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A loop's {@link Context}s: each task's own, installed around its steps, and the thread-local bridges carried in
 * them. Switched on for a loop only once something there sets a variable, enters a context, passes a context to
 * {@code createTask} or adds a bridge: until then every context is empty and the tasks can share the thread's.
 */
final class LoopContexts {

    private final EventLoop loop;
    /** Each task's context (a task without one has an empty one, made on its first step). */
    private final Map<Task<?>, Context> contexts = new IdentityHashMap<>();
    private boolean used;
    /** Set when contexts came into use in the middle of a step: the thread's context to put back after it. */
    private Context restoreAfterStep;
    private final List<Bridge<?>> bridges = new ArrayList<>();
    /** The thread's own bridged values during a step, put back after it (steps never nest). */
    private Object[] outerValues = new Object[0];

    LoopContexts(EventLoop loop) {
        this.loop = loop;
    }

    /** Whether steps run in their tasks' contexts. */
    boolean on() {
        return used || !bridges.isEmpty();
    }

    /** Runs {@code t}'s step in its context, with its bridged values installed. */
    void step(Task<?> t) {
        Context ctx = contextOf(t);
        Context outer = Context.swap(ctx);
        boolean wasEntered = ctx.entered;
        ctx.entered = true;
        int n = bridges.size();
        try {
            // Inside the try: whatever happens, the thread's context and values are put back and the loop goes on.
            if (n > 0) {
                enterBridges(ctx, n, t);
            }
            t.step();
        } finally {
            if (n > 0) {
                exitBridges(ctx, n, t);
            }
            ctx.entered = wasEntered;
            Context.swap(outer);
        }
    }

    private void enterBridges(Context ctx, int n, Task<?> t) {
        if (outerValues.length < n) {
            outerValues = new Object[n];
        }
        for (int i = 0; i < n; i++) {
            Bridge<?> b = bridges.get(i);
            Object outer = capture(b, t);
            outerValues[i] = outer == Context.MISSING ? null : outer;
            install(b, ctx.lookup(b.var), t);
        }
    }

    private void exitBridges(Context ctx, int n, Task<?> t) {
        for (int i = n - 1; i >= 0; i--) {
            Bridge<?> b = bridges.get(i);
            Object value = capture(b, t);
            if (value != Context.MISSING) {
                ctx.put(b.var, value);
            }
            install(b, outerValues[i], t);
            outerValues[i] = null;
        }
    }

    // A bridge is user code run around every step: one that throws is reported and skipped for that step, the step
    // itself runs, and the other bridges are still entered and left, so that nothing hangs or leaks between tasks.

    /** The bridge's current value, or {@link Context#MISSING} if its capture threw (reported). */
    private Object capture(Bridge<?> b, Task<?> t) {
        try {
            return b.capture.get();
        } catch (Throwable e) {
            Faults.rethrowIfFatal(e);
            report("capture", e, t);
            return Context.MISSING;
        }
    }

    private void install(Bridge<?> b, Object value, Task<?> t) {
        try {
            b.install(value);
        } catch (Throwable e) {
            Faults.rethrowIfFatal(e);
            report("restore", e, t);
        }
    }

    private void report(String half, Throwable e, Task<?> t) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", "Exception in context bridge (" + half + ")");
        context.put("exception", e);
        if (t != null) {
            context.put("task", t);
        }
        loop.callExceptionHandler(context);
    }

    private Context contextOf(Task<?> t) {
        return contexts.computeIfAbsent(t, k -> new Context());
    }

    /** Something set a context variable or entered a context while this loop runs on the thread. */
    void use() {
        if (on()) {
            return;
        }
        used = true;
        loop.updateStepHooks();
        Task<?> running = loop.currentTask;
        if (running != null) {
            // This step started in the thread's context: switch to the task's own for the rest of it.
            restoreAfterStep = Context.swap(contextOf(running));
        }
    }

    /** Before the next item, or when the loop stops: puts back the thread's context if a step switched it. */
    void restoreThreadContext() {
        if (restoreAfterStep != null) {
            Context.swap(restoreAfterStep);
            restoreAfterStep = null;
        }
    }

    void bind(Task<?> t, Context ctx) {
        Context.used = true;
        contexts.put(t, ctx);
        if (!used) {
            used = true;
            loop.updateStepHooks();
        }
    }

    <S> void addBridge(Supplier<S> capture, Consumer<S> restore) {
        bridges.add(new Bridge<>(capture, restore));
        Context.used = true;
        loop.updateStepHooks();
    }

    /** A new task: runs in a copy of the current context, with the creator's bridged values. */
    void taskCreated(Task<?> t) {
        Context current = Context.current();
        if (current.isEmpty() && bridges.isEmpty()) {
            return; // a copy of an empty context: made on the task's first step if needed
        }
        Context copy = current.copy();
        for (Bridge<?> b : bridges) {
            // The creator's value now: it may have changed it during its step.
            Object value = capture(b, t);
            if (value != Context.MISSING) {
                copy.put(b.var, value);
            }
        }
        bind(t, copy);
    }

    void taskFinished(Task<?> t) {
        if (used) {
            contexts.remove(t);
        }
    }

    /** A piece of thread-bound state carried per task, stored in the task's context under its own variable. */
    private static final class Bridge<S> {
        final Supplier<S> capture;
        final Consumer<S> restore;
        final ContextVar<S> var = new ContextVar<>("bridge");

        Bridge(Supplier<S> capture, Consumer<S> restore) {
            this.capture = capture;
            this.restore = restore;
        }

        @SuppressWarnings("unchecked")
        void install(Object value) {
            restore.accept(value == Context.MISSING ? null : (S) value);
        }
    }
}
