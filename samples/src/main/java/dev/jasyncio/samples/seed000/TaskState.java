package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * A task's state ({@code done}, {@code cancelled}) before and after it is cancelled.
 *
 * <p>Seed 000, "Состояние задачи".
 */
public final class TaskState {

    private TaskState() {
    }

    @Async
    static Coroutine<String> longTask() {
        await(sleep(5));
        return Coroutine.of("готово");
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> task = createTask(longTask());

        // Проверка состояния
        System.out.println("Выполняется: " + !task.done());
        System.out.println("Завершена: " + task.done());
        System.out.println("Отменена: " + task.cancelled());

        await(sleep(0.1));

        // Отменяем задачу
        task.cancel();

        try {
            await(task);
        } catch (CancelledError e) {
            System.out.println("Задача была отменена");
        }

        System.out.println("После отмены - cancelled(): " + task.cancelled());
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
