package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.ReturnWhen;
import dev.jasyncio.Task;
import dev.jasyncio.WaitResult;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code Asyncio.wait} with {@link ReturnWhen#FIRST_COMPLETED}, then {@link ReturnWhen#ALL_COMPLETED} for the rest.
 *
 * <p>Seed 003, "asyncio.wait() — Fine-Grained Control" (the seed's snippet, with {@code fetch_data} and the
 * {@code asyncio.run(main())} it leaves out).
 */
public final class WaitFirstCompleted {

    private WaitFirstCompleted() {
    }

    @Async
    static Coroutine<String> fetchData(String name, double delay) {
        await(sleep(delay));
        return Coroutine.of(name + ": done");
    }

    @Async
    static Coroutine<Void> main() {
        List<Task<String>> tasks = List.of(
                createTask(fetchData("A", 0.3)),
                createTask(fetchData("B", 0.1)),
                createTask(fetchData("C", 0.2)));

        // Wait for the first one to complete
        WaitResult<String> waited = await(Asyncio.wait(tasks, ReturnWhen.FIRST_COMPLETED));
        System.out.println(waited.done().size() + " done, " + waited.pending().size() + " pending");

        // Wait for all remaining to complete
        waited = await(Asyncio.wait(waited.pending(), ReturnWhen.ALL_COMPLETED));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
