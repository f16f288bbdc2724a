package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * A task group waits for all its tasks; after it, every result is available.
 *
 * <p>Seed 000, "asyncio.TaskGroup (Python 3.11+)". Python's tasks stay visible after the {@code async with}
 * block; here the group's body hands them out as its value.
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
        List<Task<String>> tasks = await(taskGroup(tg -> {
            Task<String> task1 = tg.createTask(worker("A", 1));
            Task<String> task2 = tg.createTask(worker("B", 2));
            Task<String> task3 = tg.createTask(worker("C", 0.5));
            return Coroutine.of(List.of(task1, task2, task3));
        }));

        // Все задачи завершены к этому моменту
        System.out.println("Результаты: " + tasks.get(0).result() + ", " + tasks.get(1).result() + ", "
                + tasks.get(2).result());
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
