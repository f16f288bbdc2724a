package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Awaitable;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code asCompleted} yields the results in the order they finish.
 *
 * <p>Seed 003, "asyncio.as_completed() — Results as They Arrive" (the seed's snippet, with {@code fetch_data} and
 * the {@code asyncio.run(main())} it leaves out).
 */
public final class AsCompleted {

    private AsCompleted() {
    }

    @Async
    static Coroutine<String> fetchData(String name, double delay) {
        await(sleep(delay));
        return Coroutine.of(name + ": done");
    }

    @Async
    static Coroutine<Void> main() {
        List<Coroutine<String>> coros = List.of(
                fetchData("A", 0.3),
                fetchData("B", 0.1),
                fetchData("C", 0.2));

        for (Awaitable<String> future : asCompleted(coros)) {
            String result = await(future);
            System.out.println(result); // Prints B first (fastest), then C, then A
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
