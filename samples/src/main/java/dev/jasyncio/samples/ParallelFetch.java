package dev.jasyncio.samples;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.Locale;
import java.util.Map;

import static dev.jasyncio.Asyncio.*;

/**
 * Three downloads started as tasks at once (API 2 s, Database 1 s, Cache 0.5 s): together they take about
 * 2 s, the longest of them, not the 3.5 s they would take one after the other.
 *
 * <p>Seed 000, "Запуск нескольких задач одновременно".
 */
public final class ParallelFetch {

    private ParallelFetch() {
    }

    @Async
    static Coroutine<Map<String, String>> fetchData(String source, double delay) {
        System.out.println("Начинаю загрузку из " + source);
        await(sleep(delay));
        System.out.println("Завершена загрузка из " + source);
        return Coroutine.of(Map.of("source", source, "data", "данные из " + source));
    }

    @Async
    static Coroutine<Void> main() {
        long start = System.nanoTime();

        // Создаём задачи - все начинают выполняться сразу
        Task<Map<String, String>> task1 = createTask(fetchData("API", 2));
        Task<Map<String, String>> task2 = createTask(fetchData("Database", 1));
        Task<Map<String, String>> task3 = createTask(fetchData("Cache", 0.5));

        // Ожидаем все задачи
        Map<String, String> result1 = await(task1);
        Map<String, String> result2 = await(task2);
        Map<String, String> result3 = await(task3);

        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "Все задачи выполнены за %.2f сек", elapsed));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
