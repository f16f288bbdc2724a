package dev.jasyncio.samples.seed001;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Two tasks created at once print after 1 s and 2 s; the main coroutine prints first, then awaits both.
 *
 * <p>Seed 001, "Создание задач".
 */
public final class SayAfterTasks {

    private SayAfterTasks() {
    }

    @Async
    static Coroutine<Void> sayAfter(double delay, String message) {
        await(sleep(delay));
        System.out.println(message);
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task1 = createTask(sayAfter(1, "Hello"));
        Task<Void> task2 = createTask(sayAfter(2, "World"));

        System.out.println("Tasks created");
        await(task1);
        await(task2);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
