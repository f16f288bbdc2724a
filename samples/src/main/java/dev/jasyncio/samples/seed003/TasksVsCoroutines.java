package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.Locale;

import static dev.jasyncio.Asyncio.*;

/**
 * Awaiting coroutines one after the other is sequential (about 0.4 s); wrapping them in tasks first makes them
 * concurrent (about 0.2 s).
 *
 * <p>Seed 003, "Tasks vs Coroutines". The seed states the times in comments; this example (and its Python
 * reference) prints them.
 */
public final class TasksVsCoroutines {

    private TasksVsCoroutines() {
    }

    @Async
    static Coroutine<String> fetchData(String name, double delay) {
        await(sleep(delay));
        return Coroutine.of(name + ": done");
    }

    @Async
    static Coroutine<Void> main() {
        // SEQUENTIAL — takes 0.4s total
        long start = System.nanoTime();
        String result1 = await(fetchData("A", 0.2));
        String result2 = await(fetchData("B", 0.2));
        System.out.println(String.format(Locale.ROOT, "Sequential: %s, %s in %.2f s", result1, result2,
                (System.nanoTime() - start) / 1e9));

        // CONCURRENT — takes 0.2s total
        start = System.nanoTime();
        Task<String> task1 = createTask(fetchData("A", 0.2));
        Task<String> task2 = createTask(fetchData("B", 0.2));
        result1 = await(task1);
        result2 = await(task2);
        System.out.println(String.format(Locale.ROOT, "Concurrent: %s, %s in %.2f s", result1, result2,
                (System.nanoTime() - start) / 1e9));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
