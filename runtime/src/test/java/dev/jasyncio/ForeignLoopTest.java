package dev.jasyncio;

import dev.jasyncio.testing.Coro;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.jasyncio.Asyncio.asCompleted;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.shield;
import static dev.jasyncio.Asyncio.waitFor;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A future of another loop, handed to this one: every entry point refuses it at once, as asyncio does
 * (cpython: {@code ValueError} "The future belongs to a different loop ..." from {@code ensure_future}, and
 * {@code RuntimeError} "Task ... got Future ... attached to a different loop" at an await), instead of waiting for
 * ever for a completion that only the other loop can deliver.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ForeignLoopTest extends TestBase {

    private final EventLoop other = new EventLoop();

    @AfterEach
    void closeOther() {
        other.close();
    }

    private static void assertSaysWhatToDo(Throwable e) {
        assertTrue(e.getMessage().contains("different loop"), e.getMessage());
        assertTrue(e.getMessage().contains("runCoroutineThreadsafe"), e.getMessage());
    }

    @Test
    void runUntilCompleteOfAFutureOfAnotherLoopFailsAtOnce() {
        EventLoop loop = new EventLoop();
        try {
            Future<String> foreign = other.createFuture();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.runUntilComplete(foreign));
            assertSaysWhatToDo(e);
            assertTrue(e.getMessage().startsWith("The future belongs to a different loop"), e.getMessage());
            // Refused before running: the loop is still usable.
            assertEquals("ok", loop.runUntilComplete(loop.createTask(coro("ok", v -> "ok"))));
        } finally {
            loop.close();
        }
    }

    @Test
    void runUntilCompleteOfADoneFutureOfAnotherLoopIsRefusedToo() {
        EventLoop loop = new EventLoop();
        try {
            Future<String> foreign = other.createFuture();
            foreign.setResult("done");
            assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(foreign));
        } finally {
            loop.close();
        }
    }

    /** Runs {@code body} as a step of a task and returns what it threw (or what the awaited outcome threw). */
    private Throwable failureOf(Coro.Step body) {
        Throwable[] seen = new Throwable[1];
        run(coro("main", v -> {
            try {
                return body.run(v);
            } catch (Throwable e) {
                seen[0] = e;
                return null;
            }
        }, catching((v, e) -> {
            seen[0] = e;
            return null;
        })));
        return seen[0];
    }

    @Test
    void awaitingAPendingFutureOfAnotherLoopFailsAtTheAwait() {
        Throwable e = failureOf(v -> awaiting(other.createFuture()));
        assertInstanceOf(IllegalStateException.class, e);
        assertTrue(e.getMessage().contains("attached to a different loop"), e.getMessage());
        assertSaysWhatToDo(e);
    }

    @Test
    void gatherOfFuturesOfTwoLoopsFailsAtTheCall() {
        Throwable e = failureOf(v -> awaiting(gather(getRunningLoop().createFuture(), other.createFuture())));
        assertInstanceOf(IllegalArgumentException.class, e);
        assertSaysWhatToDo(e);
    }

    @Test
    void gatherOfFuturesOfAnotherLoopOnlyFailsAtTheAwait() {
        // As asyncio: the gathering future belongs to the other loop.
        Throwable e = failureOf(v -> awaiting(gather(other.createFuture())));
        assertInstanceOf(IllegalStateException.class, e);
        assertTrue(e.getMessage().contains("attached to a different loop"), e.getMessage());
    }

    @Test
    void shieldOfAFutureOfAnotherLoopFailsAtTheAwait() {
        Throwable e = failureOf(v -> awaiting(shield(other.createFuture())));
        assertInstanceOf(IllegalStateException.class, e);
        assertTrue(e.getMessage().contains("attached to a different loop"), e.getMessage());
    }

    @Test
    void waitForAFutureOfAnotherLoopFails() {
        Throwable e = failureOf(v -> awaiting(waitFor(other.createFuture(), 5)));
        assertTrue(e instanceof IllegalStateException || e instanceof IllegalArgumentException, String.valueOf(e));
        assertTrue(e.getMessage().contains("different loop"), e.getMessage());
    }

    @Test
    void waitForAFutureOfAnotherLoopWithNoTimeLeftFails() {
        Throwable e = failureOf(v -> awaiting(waitFor(other.createFuture(), 0)));
        assertInstanceOf(IllegalArgumentException.class, e);
        assertSaysWhatToDo(e);
    }

    @Test
    void waitOnAFutureOfAnotherLoopFailsAtTheAwait() {
        // asyncio's wait has no check and just waits (for ever without a timeout): refused here, the other loop's
        // thread would run the done callbacks.
        Throwable e = failureOf(v -> awaiting(Asyncio.wait(List.of(other.createFuture()), 0.05)));
        assertInstanceOf(IllegalArgumentException.class, e);
        assertSaysWhatToDo(e);
    }

    @Test
    void asCompletedOfAFutureOfAnotherLoopFailsAtTheCall() {
        Throwable e = failureOf(v -> asCompleted(List.of(other.createFuture())));
        assertInstanceOf(IllegalArgumentException.class, e);
        assertSaysWhatToDo(e);
    }
}
