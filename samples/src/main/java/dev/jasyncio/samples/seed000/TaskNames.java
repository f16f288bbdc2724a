package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * A task gets a name when it is created and can be renamed.
 *
 * <p>Seed 000, "Именование задач".
 */
public final class TaskNames {

    private TaskNames() {
    }

    @Async
    static Coroutine<Void> worker() {
        await(sleep(1));
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        // Создание задачи с именем
        Task<Void> task = createTask(worker(), "worker_task");

        System.out.println("Имя задачи: " + task.getName());

        // Можно изменить имя
        task.setName("renamed_worker");
        System.out.println("Новое имя: " + task.getName());

        await(task);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
