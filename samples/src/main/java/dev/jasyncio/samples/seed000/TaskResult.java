package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.InvalidStateError;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * A task's result by {@code await} or by {@code result()} once done; {@code result()} before that raises
 * {@link InvalidStateError}.
 *
 * <p>Seed 000, "Получение результата задачи".
 */
public final class TaskResult {

    private TaskResult() {
    }

    @Async
    static Coroutine<Integer> compute(int x) {
        await(sleep(0.5));
        return Coroutine.of(x * 2);
    }

    @Async
    static Coroutine<Void> main() {
        Task<Integer> task = createTask(compute(21));

        // Способ 1: await задачи
        int result = await(task);
        System.out.println("Результат через await: " + result);

        // Способ 2: task.result() (только после завершения!)
        Task<Integer> task2 = createTask(compute(10));
        await(task2); // Сначала дождёмся завершения
        System.out.println("Результат через result(): " + task2.result());

        // ОШИБКА: вызов result() до завершения
        Task<Integer> task3 = createTask(compute(5));
        try {
            task3.result(); // InvalidStateError!
        } catch (InvalidStateError e) {
            System.out.println("Нельзя получить результат незавершённой задачи");
        }
        await(task3);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
