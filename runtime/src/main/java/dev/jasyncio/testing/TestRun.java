package dev.jasyncio.testing;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import dev.jasyncio.internal.TestAccess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One async test: its phases (before-each methods, the test, after-each methods) run in turn on one fresh loop,
 * each coroutine a task of its own; then the checks that make a test fail although its body passed.
 */
final class TestRun {

    /** How long the loop's default executor may take to stop after the test (its threads are not waited for longer). */
    private static final double EXECUTOR_JOIN_SECONDS = 5;

    /** What {@link AsyncTest}'s attributes say. */
    record Settings(double timeout, boolean virtualTime, boolean debug) {
        static Settings of(AsyncTest a) {
            return new Settings(a.timeout(), a.virtualTime(), a.debug());
        }
    }

    /** One method to call; a {@code Coroutine} it returns is run on the loop. */
    @FunctionalInterface
    interface Phase {
        Object call() throws Throwable;
    }

    private final String name;
    private final Settings settings;
    private final EventLoop loop;
    private final List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
    private final Watchdog watchdog;

    TestRun(String name, Settings settings) {
        this.name = name;
        this.settings = settings;
        this.loop = settings.virtualTime() ? EventLoop.withVirtualTime() : new EventLoop();
        loop.setDebug(settings.debug());
        loop.setExceptionHandler((l, context) -> reports.add(context));
        TestAccess.get().trackFailures(loop);
        this.watchdog = new Watchdog(loop, settings.timeout(), name);
    }

    /** Runs the phases; returns the test's result or throws the first failure, later ones suppressed in it. */
    Object run(List<Phase> before, Phase test, List<Phase> after) throws Throwable {
        Throwable failure = null;
        Object result = null;
        try {
            try {
                for (Phase p : before) {
                    runPhase(p);
                }
                result = runPhase(test);
            } catch (Throwable t) {
                failure = t;
            }
            for (Phase p : after) {
                try {
                    runPhase(p);
                } catch (Throwable t) {
                    failure = add(failure, t);
                }
            }
            failure = add(failure, checkLeftovers());
            for (Map<String, Object> f : TestAccess.get().takeUnretrievedFailures(loop)) {
                failure = add(failure, reported(f));
            }
        } finally {
            failure = add(failure, shutDown());
        }
        synchronized (reports) {
            for (Map<String, Object> r : reports) {
                failure = add(failure, reported(r));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private Object runPhase(Phase phase) throws Throwable {
        watchdog.check();
        Object r = phase.call();
        if (!(r instanceof Coroutine)) {
            return r;
        }
        Task<?> task = loop.createTask((Coroutine<?>) r, name);
        return await(task);
    }

    /** Runs the loop until {@code f} is done; a cancellation caused by the timeout becomes the timeout's failure. */
    private Object await(Future<?> f) throws Throwable {
        watchdog.watch(f);
        try {
            return loop.runUntilComplete(f);
        } catch (CancelledError e) {
            throw watchdog.fired() ? watchdog.failure(e) : e;
        } finally {
            watchdog.watch(null);
        }
    }

    /** Tasks still running after the last phase: a failure naming them; they are cancelled and waited for. */
    private Throwable checkLeftovers() throws Throwable {
        Set<Task<?>> left = Asyncio.allTasks(loop);
        if (left.isEmpty()) {
            return null;
        }
        AssertionError failure = new AssertionError(name + " left " + left.size() + " task(s) running; await or "
                + "cancel them before the test ends:" + System.lineSeparator() + loop.taskTree().format());
        for (Task<?> t : left) {
            t.cancel();
        }
        try {
            await(Asyncio.gather(new ArrayList<Future<?>>(left), true));
        } catch (Throwable t) {
            failure.addSuppressed(t);
        }
        return failure;
    }

    private Throwable shutDown() {
        watchdog.stop();
        try {
            if (!loop.isClosed()) {
                loop.runUntilComplete(loop.shutdownDefaultExecutor(EXECUTOR_JOIN_SECONDS));
            }
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            loop.close();
        }
    }

    /** A report of the loop's exception handler as a failure, with its exception as the cause. */
    private static AssertionError reported(Map<String, Object> context) {
        StringBuilder text = new StringBuilder(String.valueOf(context.get("message")));
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (!e.getKey().equals("message") && !e.getKey().equals("exception")) {
                Object v = e.getValue();
                if (e.getKey().equals("source_traceback") && v instanceof List) {
                    v = createdAt((List<?>) v);
                }
                text.append(System.lineSeparator()).append(e.getKey()).append(": ").append(v);
            }
        }
        Object exc = context.get("exception");
        return new AssertionError(text.toString(), exc instanceof Throwable ? (Throwable) exc : null);
    }

    private static String createdAt(List<?> frames) {
        StringBuilder b = new StringBuilder("created at");
        for (Object f : frames) {
            b.append(System.lineSeparator()).append("    at ").append(f);
        }
        return b.toString();
    }

    private static Throwable add(Throwable first, Throwable next) {
        if (next == null || next == first) {
            return first;
        }
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
