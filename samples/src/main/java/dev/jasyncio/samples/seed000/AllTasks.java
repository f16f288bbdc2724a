package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;
import java.util.Set;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code allTasks} lists the live tasks (the main one included), {@code currentTask} names the running one.
 *
 * <p>Seed 000, "Получение всех задач".
 */
public final class AllTasks {

    private AllTasks() {
    }

    @Async
    static Coroutine<Void> backgroundTask(String name) {
        while (true) {
            await(sleep(1));
            System.out.println(name + ": работаю");
        }
    }

    @Async
    static Coroutine<Void> main() {
        // Создаём несколько фоновых задач
        Task<Void> task1 = createTask(backgroundTask("Task1"));
        Task<Void> task2 = createTask(backgroundTask("Task2"));

        await(sleep(0.1));

        // Получаем все текущие задачи
        Set<Task<?>> allTasks = allTasks();
        System.out.println("Всего задач: " + allTasks.size());

        for (Task<?> task : allTasks) {
            System.out.println("  - " + task.getName() + ": done=" + task.done());
        }

        // Получаем текущую задачу
        Task<?> current = currentTask();
        System.out.println("Текущая задача: " + current.getName());

        // Отменяем фоновые задачи
        task1.cancel();
        task2.cancel();

        // Ждём отмены
        await(gather(List.of(task1, task2), true));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
