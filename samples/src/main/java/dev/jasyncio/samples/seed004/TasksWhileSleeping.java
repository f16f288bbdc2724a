package dev.jasyncio.samples.seed004;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * While the first task sleeps 30 s, the second one runs and prints the running loop.
 *
 * <p>Seed 004, "более наглядный пример". The seed's listing nests {@code custom_coro2} inside {@code custom_coro}
 * with a body at the wrong indentation (a Python {@code IndentationError}); the port follows the output the seed
 * shows, with {@code custom_coro2} at top level.
 */
public final class TasksWhileSleeping {

    private TasksWhileSleeping() {
    }

    // определение корутины
    @Async
    static Coroutine<Void> customCoro() {
        await(sleep(30));
        System.out.println("корутина custom_coro() выполнелась");
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> customCoro2() {
        System.out.println(getRunningLoop());
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        // создание корутин
        Coroutine<Void> coro = customCoro();
        Coroutine<Void> coro2 = customCoro2();
        // создание задач
        Task<Void> task1 = createTask(coro);
        Task<Void> task2 = createTask(coro2);
        // ожидание выполнения задач
        await(task1);
        await(task2);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
