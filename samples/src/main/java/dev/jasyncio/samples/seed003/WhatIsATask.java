package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Calling an async method only creates a coroutine; wrapping it in a task runs it.
 *
 * <p>Seed 003, "What Is a Task?" (the seed's snippet, with the {@code asyncio.run(main())} it leaves out).
 */
public final class WhatIsATask {

    private WhatIsATask() {
    }

    @Async
    static Coroutine<Void> sayHello() {
        await(sleep(0.1));
        System.out.println("Hello!");
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        // This creates the coroutine but does NOT start it:
        Coroutine<Void> coro = sayHello();

        // This wraps it in a Task and starts it immediately:
        Task<Void> task = createTask(sayHello());

        await(task); // Wait for the task to finish
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
