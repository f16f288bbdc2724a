package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Awaiting a task gives what its coroutine returned.
 *
 * <p>Seed 003, "Awaiting Tasks to Get Results" (the seed's snippet, with the {@code asyncio.run(main())} it leaves
 * out).
 */
public final class AwaitTask {

    private AwaitTask() {
    }

    @Async
    static Coroutine<Integer> compute(int x) {
        await(sleep(0.1));
        return Coroutine.of(x * 2);
    }

    @Async
    static Coroutine<Void> main() {
        Task<Integer> task = createTask(compute(21));
        int result = await(task); // result is 42
        System.out.println(result);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
