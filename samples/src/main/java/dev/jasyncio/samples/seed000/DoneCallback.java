package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * A done callback reports how each task ended: with a result, an error or cancelled.
 *
 * <p>Seed 000, "Callback при завершении задачи". Python's {@code ValueError} is {@link IllegalArgumentException}.
 */
public final class DoneCallback {

    private DoneCallback() {
    }

    /** Callback вызывается при завершении задачи. */
    static void taskDoneCallback(Future<?> future) {
        Task<?> task = (Task<?>) future;
        if (task.cancelled()) {
            System.out.println("Задача " + task.getName() + " была отменена");
        } else if (task.exception() != null) {
            System.out.println("Задача " + task.getName() + " завершилась с ошибкой: "
                    + task.exception().getMessage());
        } else {
            System.out.println("Задача " + task.getName() + " завершена с результатом: " + task.result());
        }
    }

    @Async
    static Coroutine<String> worker(String name, boolean shouldFail) {
        await(sleep(0.5));
        if (shouldFail) {
            throw new IllegalArgumentException("Ошибка в " + name);
        }
        return Coroutine.of("успех " + name);
    }

    @Async
    static Coroutine<Void> main() {
        // Успешная задача
        Task<String> task1 = createTask(worker("task1", false), "task1");
        task1.addDoneCallback(DoneCallback::taskDoneCallback);

        // Задача с ошибкой
        Task<String> task2 = createTask(worker("task2", true), "task2");
        task2.addDoneCallback(DoneCallback::taskDoneCallback);

        // Ждём завершения, обрабатывая исключения
        await(gather(List.of(task1, task2), true));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
