package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} raises the first failure; with {@code returnExceptions} failures come back as results.
 *
 * <p>Seed 000, "Обработка исключений в gather". Python's {@code ValueError} is {@link IllegalArgumentException}.
 */
public final class GatherExceptions {

    private GatherExceptions() {
    }

    @Async
    static Coroutine<String> successfulTask() {
        await(sleep(0.5));
        return Coroutine.of("успех");
    }

    @Async
    static Coroutine<String> failingTask() {
        await(sleep(0.5));
        throw new IllegalArgumentException("Ошибка в задаче!");
    }

    @Async
    static Coroutine<Void> main() {
        // По умолчанию: первое исключение прерывает gather
        try {
            List<String> results = await(gather(
                    successfulTask(),
                    failingTask(),
                    successfulTask()));
        } catch (IllegalArgumentException e) {
            System.out.println("Поймано исключение: " + e.getMessage());
        }

        // С returnExceptions = true: исключения возвращаются как результаты
        List<Object> results = await(gather(List.of(
                successfulTask(),
                failingTask(),
                successfulTask()), true));
        System.out.println(results); // [успех, java.lang.IllegalArgumentException: Ошибка в задаче!, успех]

        // Обработка смешанных результатов
        for (int i = 0; i < results.size(); i++) {
            Object result = results.get(i);
            if (result instanceof Exception) {
                System.out.println("Задача " + i + " завершилась с ошибкой: " + ((Exception) result).getMessage());
            } else {
                System.out.println("Задача " + i + " вернула: " + result);
            }
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
