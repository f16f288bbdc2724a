package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Coroutine#close()}, Python's {@code coroutine.close()}, and the "never awaited" warnings it silences,
 * checked where the runtime refuses a coroutine (no collection involved).
 */
class CoroutineCloseTest {

    @Test
    void aClosedCoroutineRefusedForWantOfALoopIsNotReportedAsNeverAwaited() {
        try (LogCapture log = new LogCapture()) {
            Coroutine<Object> kept = coro("kept", v -> null);
            assertThrows(IllegalStateException.class, () -> createTask(kept));
            Coroutine<Object> closed = coro("closed", v -> null);
            closed.close();
            assertThrows(IllegalStateException.class, () -> createTask(closed));
            assertEquals(List.of("coroutine 'kept' was never awaited"), log.messages());
        }
    }

    @Test
    void awaitingAClosedCoroutineOrMakingATaskOfItFailsSayingItWasClosed() {
        List<String> messages = new ArrayList<>();
        Asyncio.run(coro("main", v -> {
            Coroutine<Object> c = coro("work", x -> "never");
            c.close();
            c.close(); // twice: nothing more
            messages.add(assertThrows(IllegalStateException.class, () -> createTask(c)).getMessage());
            return awaiting(c);
        }, catching((v, e) -> {
            messages.add(e.getMessage());
            return null;
        })), EventLoop::withVirtualTime);
        assertEquals(2, messages.size());
        for (String m : messages) {
            assertTrue(m.startsWith("cannot reuse already awaited coroutine <coroutine work>: it was closed"), m);
            assertTrue(m.contains("call the async method again"), m);
        }
    }

    @Test
    void aStartedCoroutineIsNotClosedFromOutsideItsTaskIsToBeCancelled() {
        Task<?>[] t = new Task<?>[1];
        Object result = Asyncio.run(coro("main", v -> {
            t[0] = createTask(coro("work", x -> awaiting(sleep(10)), x -> "slept"));
            return awaiting(sleep(0));
        }, v -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> t[0].getCoro().close());
            assertTrue(e.getMessage().contains("cancel the task instead"), e.getMessage());
            t[0].cancel();
            return awaiting(sleep(0));
        }, v -> t[0].cancelled()), EventLoop::withVirtualTime);
        assertEquals(true, result);
    }

    @Test
    void closingAFinishedCoroutineDoesNothing() {
        Coroutine<Object> c = coro("quick", v -> 7);
        assertEquals(7, Asyncio.run(c, EventLoop::withVirtualTime));
        c.close();
    }
}
