package dev.jasyncio.sync;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.testing.AsyncTest;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Task trees name a primitive's wait by the Java method the code called ({@code Event.await}), not by asyncio's
 * ({@code Event.wait}), so the tree reads like the source.
 */
class WaitNamesTest {

    @AsyncTest
    @Async
    Coroutine<Void> theTreeNamesTheWaitsAsTheSourceCallsThem() {
        Event event = new Event();
        Condition condition = new Condition();
        Barrier barrier = new Barrier(2);
        Task<?> e = createTask(event.await(), "on-event");
        Task<?> c = createTask(waitOn(condition), "on-condition");
        Task<?> b = createTask(barrier.await(), "on-barrier");
        Asyncio.await(sleep(1));
        String tree = Asyncio.taskTree().format();
        assertTrue(tree.contains("Event.await"), tree);
        assertTrue(tree.contains("Condition.await"), tree);
        assertTrue(tree.contains("Barrier.await"), tree);
        assertTrue(!tree.contains(".wait ") && !tree.contains(".wait\n") && !tree.contains(".wait\r"), tree);
        event.set();
        Asyncio.await(condition.acquire());
        condition.signalAll();
        condition.release();
        Asyncio.await(barrier.await());
        Asyncio.await(e);
        Asyncio.await(c);
        Asyncio.await(b);
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> waitOn(Condition condition) {
        Asyncio.await(condition.acquire());
        try {
            Asyncio.await(condition.await());
        } finally {
            condition.release();
        }
        return Coroutine.of(null);
    }
}
