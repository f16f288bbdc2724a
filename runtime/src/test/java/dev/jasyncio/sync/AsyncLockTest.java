package dev.jasyncio.sync;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Lock#acquire()}, an {@code @Async} method of the runtime, awaited from {@code @Async} test code: both are
 * rewritten by the project's plugin when the runtime is built.
 */
class AsyncLockTest {

    private final List<String> order = new ArrayList<>();

    @Async
    private Coroutine<Void> critical(Lock lock, String name) {
        await(lock.acquire());
        try {
            order.add(name);
        } finally {
            lock.release();
        }
        return Coroutine.of(null);
    }

    /**
     * A waiter cancelled after its wake-up passes it on to the next one (CPython 3.13 prints
     * {@code [2] False True} for the same program with {@code asyncio.Lock}).
     */
    @Async
    private Coroutine<String> cancelledAfterWakeUp(Lock lock) {
        await(lock.acquire());
        Task<Void> first = createTask(critical(lock, "1"));
        Task<Void> second = createTask(critical(lock, "2"));
        await(sleep(0));
        String stack = first.getStack().toString();
        lock.release();
        first.cancel();
        await(gather(List.of(first, second), true));
        assertTrue(first.cancelled());
        return Coroutine.of(stack);
    }

    @Test
    void aWaiterCancelledAfterItsWakeUpPassesTheLockOn() {
        Lock lock = new Lock();
        String stack = Asyncio.run(cancelledAfterWakeUp(lock));
        assertEquals(List.of("2"), order);
        assertFalse(lock.locked());
        assertTrue(stack.contains("Lock.acquire(Lock.java:"), stack);
        assertTrue(stack.contains("AsyncLockTest.critical(AsyncLockTest.java:30)"), stack);
    }
}
