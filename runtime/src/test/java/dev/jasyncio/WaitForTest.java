package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.waitFor;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static dev.jasyncio.testing.Py.repr;

/** {@code waitFor}, against asyncio 3.13's {@code wait_for}. */
class WaitForTest extends TestBase {

    private Coroutine<String> work(double delay, String value) {
        return coro("work", v -> awaiting(sleep(delay)), catching((v, e) -> {
            say("work cleanup", value);
            return rethrow(e, value);
        }));
    }

    /** cpython/wait_for.py */
    @Test
    void valueInTimeOrTimeoutErrorAfterTheInnerCleanup() {
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> awaiting(waitFor(work(0.01, "in time"), 1)), v -> {
            say(v);
            return awaiting(waitFor(work(1, "too late"), 0.01));
        }, catching((v, e) -> {
            if (!(e instanceof TimeoutError)) {
                throw expectUnreached();
            }
            say("TimeoutError", repr(e.getCause()), currentTask().cancelling());
            Task<String> stubborn = createTask(coro("stubborn", x -> awaiting(sleep(10)), catching((x, err) -> {
                say("stubborn swallows");
                return "stubborn value";
            })));
            return awaiting(waitFor(stubborn, 0.01));
        }), v -> {
            say(v);
            return awaiting(waitFor(coro("never_started", x -> {
                throw expectUnreached();
            }), 0));
        }, catching((v, e) -> {
            if (!(e instanceof TimeoutError)) {
                throw expectUnreached();
            }
            say("zero timeout", repr(e.getCause()));
            Future<String> f = getRunningLoop().createFuture();
            f.setResult("ready");
            return awaiting(waitFor(f, 0));
        }), v -> {
            say(v);
            return awaiting(waitFor(work(0.01, "no limit"), Double.POSITIVE_INFINITY));
        }, v -> {
            say(v);
            t[0] = createTask(work(1, "in a task"));
            return awaiting(waitFor(t[0], 0.01));
        }, catching((v, e) -> {
            if (!(e instanceof TimeoutError)) {
                throw expectUnreached();
            }
            say("task cancelled:", t[0].cancelled());
            return null;
        })));
        assertOutput("wait_for");
    }

    /** cpython/wait_for_outer_cancel.py */
    @Test
    void cancellingTheWaitingTaskCancelsTheInnerWorkAndRaisesCancelledError() {
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            Coroutine<Void> inner = coro("inner", x -> awaiting(sleep(10)), catching((x, e) -> {
                say("inner cleanup");
                return rethrow(e, null);
            }));
            t[0] = createTask(coro("outer", x -> awaiting(waitFor(inner, 5)), catching((x, e) -> {
                if (e instanceof CancelledError) {
                    say("outer cancelled", repr(e));
                }
                return rethrow(e, null);
            })));
            return awaiting(sleep(0.01));
        }, v -> {
            t[0].cancel("from main");
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("cancelled:", t[0].cancelled());
            return null;
        })));
        assertOutput("wait_for_outer_cancel");
    }
}
