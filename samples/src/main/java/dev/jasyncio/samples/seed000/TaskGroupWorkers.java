package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.TaskGroup;
import dev.jasyncio.annotations.Async;


import static dev.jasyncio.Asyncio.*;

/**
 * A task group waits for all its tasks; after it, every result is available.
 *
 * <p>Seed 000, "asyncio.TaskGroup (Python 3.11+)". {@code async with asyncio.TaskGroup() as tg} is
 * try-with-resources over the group; the tasks assigned in the block are visible after it, as in Python.
 */
public final class TaskGroupWorkers {

    private TaskGroupWorkers() {
    }

    @Async
    static Coroutine<String> worker(String name, double delay) {
        System.out.println("Worker " + name + ": начало");
        await(sleep(delay));
        System.out.println("Worker " + name + ": конец");
        return Coroutine.of("Результат " + name);
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> task1;
        Task<String> task2;
        Task<String> task3;
        try (TaskGroup tg = taskGroup()) {
            task1 = tg.createTask(worker("A", 1));
            task2 = tg.createTask(worker("B", 2));
            task3 = tg.createTask(worker("C", 0.5));
        }

        // Все задачи завершены к этому моменту
        System.out.println("Результаты: " + task1.result() + ", " + task2.result() + ", " + task3.result());
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
