package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Task cancellation, exactly as asyncio's: where the error lands, what wins, where it is forwarded. */
class CancellationTest extends TestBase {

    /** cpython/cancel_before_first_step.py */
    @Test
    void cancelledBeforeTheFirstStepTheBodyNeverRuns() {
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(coro("child", x -> {
                throw expectUnreached();
            }));
            say(t[0].cancel("early"), t[0].cancelling());
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("awaiter got", repr(e));
            say(t[0].done(), t[0].cancelled());
            return null;
        })));
        assertOutput("cancel_before_first_step");
    }

    /** cpython/cancel_at_await.py */
    @Test
    void cancelledErrorIsThrownAtTheCurrentAwaitAndFinallyBlocksRun() {
        List<Throwable> caught = new ArrayList<>();
        Coroutine<Void> inner = coro("inner", v -> {
            say("inner awaits");
            return awaiting(sleep(10));
        }, catching((v, e) -> {
            say("inner finally");
            return rethrow(e, null);
        }));
        Coroutine<Void> child = coro("child", v -> awaiting(inner), catching((v, e) -> {
            if (e instanceof CancelledError) {
                say("child caught", repr(e));
                caught.add(e);
            }
            say("child finally");
            return rethrow(e, null);
        }));
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(child);
            return awaiting(sleep(0));
        }, v -> {
            say("cancel:", t[0].cancel("stop it"), t[0].cancelled(), t[0].cancelling());
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("main got", repr(e), "same object:", e == caught.get(0));
            for (Supplier<?> m : new Supplier<?>[] {t[0]::result, t[0]::exception}) {
                say(repr(assertThrows(CancelledError.class, m::get)));
            }
            say(t[0].cancelled(), t[0].cancel());
            return null;
        })));
        assertOutput("cancel_at_await");
    }

    /** cpython/cancel_wins_over_return.py */
    @Test
    void aPendingCancelWinsOverAReturnAndOverAnAlreadySetResult() {
        Task<?>[] t = new Task<?>[2];
        Future<?>[] fut = new Future<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(coro("returns_anyway", x -> {
                currentTask().cancel("self");
                return "value";
            }));
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("cancelled despite return:", repr(e), t[0].cancelled());
            Future<String> f = getRunningLoop().createFuture();
            fut[0] = f;
            t[1] = createTask(coro("waits_on_done_future", x -> awaiting(f), x -> {
                throw expectUnreached();
            }));
            return awaiting(sleep(0));
        }), v -> {
            @SuppressWarnings("unchecked")
            Future<String> f = (Future<String>) fut[0];
            f.setResult("ready");
            say("cancel after the result is set:", t[1].cancel("late"));
            return awaiting(t[1]);
        }, catching((v, e) -> {
            say("cancelled despite the result:", repr(e), fut[0].result());
            return null;
        })));
        assertOutput("cancel_wins_over_return");
    }

    /** cpython/cancel_forwarded_swallowed.py */
    @Test
    void cancelIsForwardedToTheAwaitedTaskAndIfSwallowedTheOuterGoesOn() {
        Task<?>[] t = new Task<?>[2];
        run(coro("main", v -> {
            Task<String> inner = createTask(coro("stubborn", x -> awaiting(sleep(10)), catching((x, e) -> {
                say("stubborn swallows", repr(e));
                return "swallowed";
            })));
            t[0] = inner;
            t[1] = createTask(coro("outer", x -> awaiting(inner), x -> {
                say("outer got", x);
                return awaiting(sleep(0), 2);
            }, x -> {
                say("outer still running");
                return "swallowed";
            }));
            return awaiting(sleep(0));
        }, v -> {
            say("cancel outer:", t[1].cancel("msg"));
            return awaiting(t[1]);
        }, v -> {
            say(v, t[1].cancelled(), t[1].cancelling(), t[0].cancelled(), t[0].cancelling());
            return null;
        }));
        assertOutput("cancel_forwarded_swallowed");
    }

    /** cpython/cancel_counts.py */
    @Test
    void cancellingCountsRequestsAndUncancelWithdrawsThem() {
        String r = run(coro("main", v -> awaiting(createTask(coro("body", x -> {
            Task<?> t = currentTask();
            t.cancel();
            t.cancel();
            say(t.cancelling());
            say(t.uncancel());
            say(t.uncancel());
            say(t.uncancel());
            return awaiting(sleep(0));
        }, x -> {
            say("not cancelled: the requests were withdrawn");
            currentTask().cancel("again");
            return awaiting(sleep(0));
        }, catching((x, e) -> {
            Task<?> t = currentTask();
            say("bare yield cancelled", repr(e), t.cancelling());
            t.uncancel();
            return awaiting(sleep(0));
        }), x -> {
            say("carries on", currentTask().cancelling());
            return "done";
        })))));
        say(r);
        assertOutput("cancel_counts");
    }

    /** cpython/cancel_plain_future.py */
    @Test
    void cancellingATaskCancelsThePlainFutureItAwaitsWithTheMessage() {
        Task<?>[] t = new Task<?>[1];
        Future<?>[] fut = new Future<?>[1];
        run(coro("main", v -> {
            Future<String> f = getRunningLoop().createFuture();
            fut[0] = f;
            t[0] = createTask(coro("waiter", x -> awaiting(f), catching((x, e) -> {
                say("waiter", repr(e));
                return rethrow(e, null);
            })));
            return awaiting(sleep(0));
        }, v -> {
            t[0].cancel("bye");
            say(fut[0].cancelled());
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("main", repr(e));
            say("future", repr(assertThrows(CancelledError.class, fut[0]::result)));
            return null;
        })));
        assertOutput("cancel_plain_future");
    }

    @Test
    void catchExceptionDoesNotSwallowCancellation() {
        // CancelledError is an Error: a catch (Exception e) in user code lets it through, as BaseException does.
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(coro("child", x -> awaiting(sleep(10))));
            return awaiting(sleep(0));
        }, v -> {
            t[0].cancel();
            return awaiting(t[0]);
        }, catching((v, e) -> {
            expect(1);
            org.junit.jupiter.api.Assertions.assertTrue(e instanceof CancelledError, String.valueOf(e));
            assertThrows(CancelledError.class, () -> {
                try {
                    throw e;
                } catch (Exception swallowed) {
                    throw expectUnreached();
                }
            });
            return null;
        })));
        finish(2);
    }
}
