package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.timeout;
import static dev.jasyncio.Asyncio.timeoutAt;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code timeout} / {@code timeoutAt} scopes, against asyncio's {@code Timeout}. */
class TimeoutTest extends TestBase {

    private static final double NONE = Double.POSITIVE_INFINITY;

    /** cpython/timeout_scope.py */
    @Test
    void expiryRescheduleAndTheCancellingCount() {
        Timeout[] cm = new Timeout[1];
        run(coro("main", v -> awaiting(timeout(0.01, t -> {
            cm[0] = t;
            return coro("body", x -> awaiting(sleep(1)), catching((x, e) -> {
                say("body cleanup, expired:", t.expired());
                return rethrow(e, null);
            }));
        })), catching((v, e) -> {
            assertTrue(e instanceof TimeoutError, String.valueOf(e));
            say("TimeoutError", repr(e.getCause()), cm[0].expired(), currentTask().cancelling());
            return awaiting(timeout(1, t -> {
                cm[0] = t;
                return sleep(0.01);
            }));
        }), v -> {
            say("in time; expired:", cm[0].expired());
            return awaiting(timeout(NONE, t -> {
                cm[0] = t;
                say("when None:", t.when() == NONE ? null : t.when());
                return sleep(0.01);
            }));
        }, v -> {
            say("none expired:", cm[0].expired());
            return awaiting(timeout(NONE, t -> {
                t.reschedule(getRunningLoop().time() + 0.01);
                say("rescheduled:", t.when() != NONE);
                return sleep(1);
            }));
        }, catching((v, e) -> {
            assertTrue(e instanceof TimeoutError, String.valueOf(e));
            say("rescheduled timeout fired");
            return awaiting(timeout(0.01, t -> {
                cm[0] = t;
                t.reschedule(NONE);
                return sleep(0.02);
            }));
        }), v -> {
            say("reschedule(None) disarmed it:", cm[0].expired());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cm[0].reschedule(1));
            say("RuntimeError('" + e.getMessage() + "')");
            return awaiting(timeout(0.01, t -> {
                cm[0] = t;
                return coro("swallower", x -> awaiting(sleep(1)), catching((x, err) -> {
                    say("body swallows the cancellation");
                    return null;
                }));
            }));
        }, v -> {
            say("swallowed: no error, expired:", cm[0].expired(), currentTask().cancelling());
            return awaiting(timeout(-1, t -> sleep(0)));
        }, catching((v, e) -> {
            assertTrue(e instanceof TimeoutError, String.valueOf(e));
            say("past deadline: expires at the first await");
            return null;
        })));
        assertOutput("timeout_scope");
    }

    /** cpython/timeout_nested.py */
    @Test
    void nestedScopesEachHandleTheirOwnExpiry() {
        Timeout[] outer = new Timeout[1];
        Timeout[] inner = new Timeout[1];
        run(coro("main", v -> awaiting(timeout(0.05, o -> {
            outer[0] = o;
            return coro("outer body", x -> awaiting(timeout(0.01, i -> {
                inner[0] = i;
                return sleep(1);
            })), catching((x, e) -> {
                assertTrue(e instanceof TimeoutError, String.valueOf(e));
                say("inner expired:", inner[0].expired(), "outer expired:", outer[0].expired());
                return awaiting(sleep(1));
            }));
        })), catching((v, e) -> {
            assertTrue(e instanceof TimeoutError, String.valueOf(e));
            say("outer expired:", outer[0].expired());
            return awaiting(timeout(0.01, o -> {
                outer[0] = o;
                return coro("outer body", x -> awaiting(timeout(1, i -> {
                    inner[0] = i;
                    return sleep(1);
                })), catching((x, e2) -> {
                    if (e2 instanceof TimeoutError) {
                        throw expectUnreached();
                    }
                    if (e2 instanceof CancelledError) {
                        say("inner scope lets the outer's cancellation through, inner expired:",
                                inner[0].expired());
                    }
                    return rethrow(e2, null);
                }));
            }));
        }), catching((v, e) -> {
            assertTrue(e instanceof TimeoutError, String.valueOf(e));
            say("outer got it:", outer[0].expired(), currentTask().cancelling());
            return null;
        })));
        assertOutput("timeout_nested");
    }

    /** cpython/timeout_external_cancel.py */
    @Test
    void anOutsideCancellationStaysACancellation() {
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(coro("body", x -> awaiting(timeout(0.01, tm -> sleep(1))), catching((x, e) -> {
                if (e instanceof TimeoutError) {
                    throw expectUnreached();
                }
                return rethrow(e, null);
            })));
            return awaiting(sleep(0));
        }, v -> {
            t[0].cancel("from main");
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("cancelled", repr(e));
            t[0] = createTask(coro("both", x -> awaiting(timeout(0.01, tm -> coro("scope body",
                    y -> awaiting(sleep(1)),
                    catching((y, err) -> {
                        say("first cancellation (the timeout)");
                        currentTask().cancel("outside");
                        return awaiting(sleep(0));
                    }))))));
            return awaiting(t[0]);
        }), catching((v, e) -> {
            say("cancelled", repr(e), t[0].cancelling());
            return null;
        })));
        assertOutput("timeout_external_cancel");
    }

    @Test
    void timeoutAtTakesALoopTimeAndTheScopeReturnsTheBodysValue() {
        String r = run(coro("main", v -> {
            double when = getRunningLoop().time() + 5;
            return awaiting(timeoutAt(when, t -> {
                assertEquals(when, t.when());
                assertTrue(t.toString().startsWith("<Timeout [active] when="), t.toString());
                return sleep(0, "value");
            }));
        }));
        assertEquals("value", r);
    }

    @Test
    void aScopeCannotBeRescheduledBeforeItIsEnteredOrOnceItExpires() {
        Timeout fresh = new Timeout(1);
        assertEquals("Timeout has not been entered",
                assertThrows(IllegalStateException.class, () -> fresh.reschedule(2)).getMessage());
        Timeout[] cm = new Timeout[1];
        run(coro("main", v -> awaiting(timeout(0.01, t -> {
            cm[0] = t;
            return coro("body", x -> awaiting(sleep(1)), catching((x, e) -> {
                IllegalStateException err = assertThrows(IllegalStateException.class, () -> t.reschedule(5));
                assertEquals("Cannot change state of expiring Timeout", err.getMessage());
                return rethrow(e, null);
            }));
        })), catching((v, e) -> {
            assertTrue(e instanceof TimeoutError);
            assertEquals("<Timeout [expired]>", cm[0].toString());
            return null;
        })));
    }
}
