package dev.jasyncio;

import dev.jasyncio.sync.Lock;
import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.taskGroup;
import static dev.jasyncio.Asyncio.timeout;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code async with} protocol of the runtime's resources ({@link AsyncCloseable}), called by hand as
 * {@code __aenter__} / {@code __aexit__} would be; the build makes try-with-resources call it the same way.
 */
class AsyncCloseableTest extends TestBase {

    private Coroutine<Void> child(String name, double delay, boolean fail) {
        return coro("child", v -> awaiting(sleep(delay)), catching((v, e) -> {
            if (e instanceof CancelledError) {
                say(name, "cancelled");
            }
            rethrow(e, null);
            if (fail) {
                throw new ValueError(name);
            }
            say(name, "done");
            return null;
        }));
    }

    /** Python prints None for "do not suppress". */
    private static Object suppress(Object r) {
        return Boolean.TRUE.equals(r) ? Boolean.TRUE : null;
    }

    /** cpython/async_with_protocol.py */
    @Test
    void taskGroupTimeoutAndLockFollowAenterAndAexit() {
        TaskGroup[] tg = new TaskGroup[1];
        Timeout[] cm = new Timeout[1];
        Lock lock = new Lock();
        Task<?>[] c = new Task<?>[1];
        run(coro("main", v -> {
            tg[0] = taskGroup();
            return awaiting(tg[0].aenter());
        }, v -> {
            tg[0].createTask(child("a", 0.01, true));
            tg[0].createTask(child("b", 0.1, false));
            return awaiting(sleep(1));
        }, catching((v, e) -> {
            assertTrue(e instanceof CancelledError, String.valueOf(e));
            return awaiting(tg[0].aexit(e));
        }), catching((v, e) -> {
            assertTrue(e instanceof ExceptionGroup, String.valueOf(e));
            say("aexit raised", "ExceptionGroup", ((ExceptionGroup) e).exceptions());
            tg[0] = taskGroup();
            return awaiting(tg[0].aenter());
        }), v -> {
            c[0] = tg[0].createTask(child("c", 0.01, false));
            return awaiting(tg[0].aexit(null));
        }, v -> {
            say("aexit returned", suppress(v), c[0].result());
            cm[0] = timeout(0.01);
            return awaiting(cm[0].aenter());
        }, v -> awaiting(sleep(1)), catching((v, e) -> {
            assertTrue(e instanceof CancelledError, String.valueOf(e));
            return awaiting(cm[0].aexit(e));
        }), catching((v, e) -> {
            assertTrue(e instanceof TimeoutError, String.valueOf(e));
            say("timeout raised", "TimeoutError", "cause", e.getCause().getClass().getSimpleName(), cm[0].expired());
            return awaiting(lock.aenter());
        }), v -> {
            say("locked", lock.locked());
            return awaiting(lock.aexit(new ValueError("x")));
        }, v -> {
            say("aexit returned", suppress(v), "locked", lock.locked());
            return null;
        }));
        assertOutput("async_with_protocol");
    }

    @Test
    void aTaskGroupSwallowsTheCancellationItCausedWhenNoChildFailed() {
        TaskGroup[] tg = new TaskGroup[1];
        Object r = run(coro("main", v -> {
            tg[0] = taskGroup();
            return awaiting(tg[0].aenter());
        }, v -> awaiting(tg[0].aexit(null))));
        assertTrue(Boolean.FALSE.equals(r), String.valueOf(r));
    }

    @Test
    void closeOutsideAnAsyncBodyNamesTheFix() {
        Lock lock = new Lock();
        // What try (lock) { ... } would reach in a method the build did not make async (the build refuses the
        // block itself in plain code: ASYNC_WITH_OUTSIDE_ASYNC).
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::close);
        assertTrue(e.getMessage().contains("Lock is an AsyncCloseable") && e.getMessage().contains("@Async"),
                e.getMessage());
    }
}
