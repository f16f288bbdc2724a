package dev.jasyncio.samples.seed004;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code currentTask} from the main coroutine: the main task of {@code Asyncio.run}, printed.
 *
 * <p>Seed 004, "пример получения текущей задачи из главной корутины".
 */
public final class CurrentTask {

    private CurrentTask() {
    }

    // определение главной корутины
    @Async
    static Coroutine<Void> main() {
        // вывод сообщения
        System.out.println("main coroutine started");
        // получение текущей задачи
        Task<?> task = currentTask();
        // вывод сведений о ней
        System.out.println(task);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        // запуск asyncio-программы
        Asyncio.run(main());
    }
}
