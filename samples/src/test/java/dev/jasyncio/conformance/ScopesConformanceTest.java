package dev.jasyncio.conformance;

import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.ExceptionGroup;
import dev.jasyncio.Task;
import dev.jasyncio.TaskGroup;
import dev.jasyncio.Timeout;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.taskGroup;
import static dev.jasyncio.Asyncio.timeout;

/** timeout and taskGroup scopes written with async lambdas, against the CPython programs. */
class ScopesConformanceTest extends ConformanceBase {

    private static final double NONE = Double.POSITIVE_INFINITY;
    private Timeout cm;
    private TaskGroup saved;

    @Async
    Coroutine<Void> timeoutMain() {
        try {
            await(timeout(0.01, t -> {
                cm = t;
                try {
                    await(sleep(1));
                } finally {
                    say("body cleanup, expired:", t.expired());
                }
                return Coroutine.of(null);
            }));
        } catch (TimeoutError e) {
            say("TimeoutError", repr(e.getCause()), cm.expired(), currentTask().cancelling());
        }
        await(timeout(1, t -> {
            cm = t;
            await(sleep(0.01));
            return Coroutine.of(null);
        }));
        say("in time; expired:", cm.expired());
        await(timeout(NONE, t -> {
            cm = t;
            say("when None:", t.when() == NONE ? null : t.when());
            await(sleep(0.01));
            return Coroutine.of(null);
        }));
        say("none expired:", cm.expired());
        try {
            await(timeout(NONE, t -> {
                t.reschedule(getRunningLoop().time() + 0.01);
                say("rescheduled:", t.when() != NONE);
                await(sleep(1));
                return Coroutine.of(null);
            }));
        } catch (TimeoutError e) {
            say("rescheduled timeout fired");
        }
        await(timeout(0.01, t -> {
            cm = t;
            t.reschedule(NONE);
            await(sleep(0.02));
            return Coroutine.of(null);
        }));
        say("reschedule(None) disarmed it:", cm.expired());
        try {
            cm.reschedule(1);
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        await(timeout(0.01, t -> {
            cm = t;
            try {
                await(sleep(1));
            } catch (CancelledError e) {
                say("body swallows the cancellation");
            }
            return Coroutine.of(null);
        }));
        say("swallowed: no error, expired:", cm.expired(), currentTask().cancelling());
        try {
            await(timeout(-1, t -> {
                await(sleep(0));
                return Coroutine.of(null);
            }));
        } catch (TimeoutError e) {
            say("past deadline: expires at the first await");
        }
        return Coroutine.of(null);
    }

    /** cpython/timeout_scope.py */
    @Test
    void timeoutScope() {
        run(timeoutMain());
        assertOutput("timeout_scope");
    }

    @Async
    Coroutine<String> work(String name, double delay, boolean fail) {
        try {
            await(sleep(delay));
        } catch (CancelledError e) {
            say(name, "cancelled");
            throw e;
        }
        say(name, "done");
        if (fail) {
            throw new ValueError(name);
        }
        return Coroutine.of(name);
    }

    @Async
    Coroutine<Void> taskGroupMain() {
        Task<?>[] ab = new Task<?>[2];
        await(taskGroup(tg -> {
            ab[0] = tg.createTask(work("a", 0.02, false));
            ab[1] = tg.createTask(work("b", 0.01, false));
            say("body done");
            return Coroutine.of(null);
        }));
        say("all done:", ab[0].result(), ab[1].result());
        try {
            await(taskGroup(tg -> {
                tg.createTask(work("c", 0.01, true));
                tg.createTask(work("d", 0.1, true));
                tg.createTask(work("e", 1, false));
                try {
                    await(sleep(1));
                } catch (CancelledError e) {
                    say("body cancelled");
                    throw e;
                }
                return Coroutine.of(null);
            }));
        } catch (ExceptionGroup eg) {
            say(repr(eg), eg.getMessage());
        }
        say("cancelling:", currentTask().cancelling());
        try {
            await(taskGroup(tg -> {
                tg.createTask(work("f", 0.01, true));
                tg.createTask(work("g", 0.1, true));
                await(sleep(0.05));
                return Coroutine.of(null);
            }));
        } catch (ExceptionGroup eg) {
            say("except*", repr(eg.subgroup(ValueError.class)));
        }
        try {
            await(taskGroup(tg -> {
                tg.createTask(work("h", 0.05, false));
                await(sleep(0));
                throw new KeyError("body");
            }));
        } catch (ExceptionGroup eg) {
            say(repr(eg));
        }
        try {
            await(taskGroup(tg -> {
                saved = tg;
                tg.createTask(work("i", 0.01, true));
                try {
                    await(sleep(0.1));
                } catch (CancelledError e) {
                    throw new KeyError("late body");
                }
                return Coroutine.of(null);
            }));
        } catch (ExceptionGroup eg) {
            say(repr(eg));
        }
        try {
            saved.createTask(work("j", 0, false));
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        return Coroutine.of(null);
    }

    /** cpython/taskgroup_basics.py */
    @Test
    void taskGroupWaitsCancelsAndGroupsErrors() {
        run(taskGroupMain());
        assertOutput("taskgroup_basics");
    }
}
