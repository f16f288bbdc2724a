package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Two tasks run concurrently: both results after about 0.3 s, not 0.4 s.
 *
 * <p>Seed 003, "asyncio.create_task()" (the seed's snippet, with the {@code asyncio.run(main())} it leaves out).
 */
public final class CreateTask {

    private CreateTask() {
    }

    @Async
    static Coroutine<String> fetchData(String name, double delay) {
        await(sleep(delay));
        return Coroutine.of(name + ": done");
    }

    @Async
    static Coroutine<Void> main() {
        // Both tasks start running concurrently
        Task<String> task1 = createTask(fetchData("A", 0.3));
        Task<String> task2 = createTask(fetchData("B", 0.1));

        // Wait for both — total time is ~0.3s, not 0.4s
        String result1 = await(task1);
        String result2 = await(task2);
        System.out.println(result1 + " " + result2);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
