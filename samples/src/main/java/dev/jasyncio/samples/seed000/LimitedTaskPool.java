package dev.jasyncio.samples.seed000;

import dev.jasyncio.AsyncFunction;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Semaphore;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Ten one-second downloads through a semaphore of three: they run three at a time.
 *
 * <p>Seed 000, "Паттерн: Пул задач с ограничением". Python's {@code async with semaphore} is
 * {@code try (semaphore)}.
 */
public final class LimitedTaskPool {

    private LimitedTaskPool() {
    }

    /** Выполняет задачи с ограничением параллелизма. */
    @Async
    static <T> Coroutine<List<T>> limitedTaskPool(List<Coroutine<T>> tasks, int maxConcurrent) throws Exception {
        Semaphore semaphore = new Semaphore(maxConcurrent);

        AsyncFunction<Coroutine<T>, T> runWithSemaphore = coro -> {
            try (semaphore) {
                return Coroutine.of(await(coro));
            }
        };

        List<Coroutine<T>> limited = new ArrayList<>();
        for (Coroutine<T> task : tasks) {
            limited.add(runWithSemaphore.apply(task));
        }
        return Coroutine.of(await(gather(limited)));
    }

    @Async
    static Coroutine<String> fetchUrl(String url) {
        System.out.println("Начинаю загрузку: " + url);
        await(sleep(1)); // Имитация запроса
        System.out.println("Завершена загрузка: " + url);
        return Coroutine.of("Данные с " + url);
    }

    @Async
    static Coroutine<Void> main() throws Exception {
        List<Coroutine<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(fetchUrl("https://example.com/page" + i));
        }

        // Максимум 3 параллельных запроса
        List<String> results = await(limitedTaskPool(tasks, 3));
        System.out.println("Получено " + results.size() + " результатов");
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) throws Exception {
        Asyncio.run(main());
    }
}
