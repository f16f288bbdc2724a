package dev.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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
        if (n > 0) {
            enterBridges(ctx, n);
        }
        try {
            t.step();
        } finally {
            if (n > 0) {
                exitBridges(ctx, n);
            }
            ctx.entered = wasEntered;
            Context.swap(outer);
        }
    }

    private void enterBridges(Context ctx, int n) {
        if (outerValues.length < n) {
            outerValues = new Object[n];
        }
        for (int i = 0; i < n; i++) {
            Bridge<?> b = bridges.get(i);
            outerValues[i] = b.capture.get();
            b.install(ctx.lookup(b.var));
        }
    }

    private void exitBridges(Context ctx, int n) {
        for (int i = n - 1; i >= 0; i--) {
            Bridge<?> b = bridges.get(i);
            ctx.put(b.var, b.capture.get());
            b.install(outerValues[i]);
            outerValues[i] = null;
        }
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
            copy.put(b.var, b.capture.get());
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
