package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code createTask} starts a coroutine in the background while the main coroutine does other work, then awaits
 * its result.
 *
 * <p>Seed 000, "asyncio.create_task() (рекомендуемый способ)".
 */
public final class CreateTask {

    private CreateTask() {
    }

    @Async
    static Coroutine<String> myTask(String name, double delay) {
        System.out.println("Задача " + name + ": начало");
        await(sleep(delay));
        System.out.println("Задача " + name + ": завершена");
        return Coroutine.of("Результат " + name);
    }

    @Async
    static Coroutine<Void> main() {
        // Создаём задачу - корутина начинает выполняться немедленно
        Task<String> task = createTask(myTask("A", 2));

        // Можем делать другую работу, пока задача выполняется
        System.out.println("Главная функция: делаю другую работу");
        await(sleep(1));
        System.out.println("Главная функция: закончила другую работу");

        // Ожидаем завершения задачи
        String result = await(task);
        System.out.println("Получен результат: " + result);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
