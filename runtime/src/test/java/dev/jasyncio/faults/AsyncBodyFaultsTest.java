package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The failure path as users write it, in {@code @Async} code rewritten by the build: the same faults as the
 * hand-built coroutines of the other tests, thrown and caught with plain {@code try} / {@code catch}.
 */
class AsyncBodyFaultsTest {

    private final List<String> said = new ArrayList<>();

    @Async
    private Coroutine<Void> turnsTheCancelIntoAFailure() {
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            throw new IllegalArgumentException("gave up");
        }
        return Coroutine.of(null);
    }

    @Async
    private Coroutine<String> cancelledChild() {
        Task<Void> child = createTask(turnsTheCancelIntoAFailure());
        await(sleep(0));
        child.cancel("stop now");
        try {
            await(child);
            return Coroutine.of("no failure");
        } catch (IllegalArgumentException e) {
            return Coroutine.of(e.getMessage() + ", caused by " + e.getCause());
        }
    }

    @Test
    void aCancelTurnedIntoAnotherFailureReachesTheAwaiterWithTheCancelAsItsCause() {
        assertEquals("gave up, caused by " + new CancelledError("stop now"),
                Asyncio.run(cancelledChild(), EventLoop::withVirtualTime));
    }

    @SuppressWarnings("InfiniteRecursion") // on purpose: the StackOverflowError is the fault under test
    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Async
    private Coroutine<Integer> overflows() {
        await(sleep(0));
        return Coroutine.of(recurse(0));
    }

    @Async
    private Coroutine<String> survivesAnOverflow() {
        Task<Integer> bad = createTask(overflows());
        Task<String> good = createTask(Asyncio.sleep(0.5, "the other task finished"));
        try {
            await(bad);
            said.add("no overflow");
        } catch (StackOverflowError e) {
            said.add("the awaiter got the StackOverflowError");
        }
        getRunningLoop().callSoon(() -> said.add("callbacks still run"));
        await(sleep(0));
        return Coroutine.of(await(good));
    }

    @Test
    void aStackOverflowInOneTaskIsThatTasksFailureAndTheLoopRunsOn() {
        assertEquals("the other task finished", Asyncio.run(survivesAnOverflow(), EventLoop::withVirtualTime));
        assertEquals(List.of("the awaiter got the StackOverflowError", "callbacks still run"), said);
    }
}
