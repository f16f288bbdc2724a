package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} returns the results in argument order, not completion order.
 *
 * <p>Seed 003, "asyncio.gather() — Collecting Results" (the seed's snippet, with {@code fetch_data} and the
 * {@code asyncio.run(main())} it leaves out).
 */
public final class Gather {

    private Gather() {
    }

    @Async
    static Coroutine<String> fetchData(String name, double delay) {
        await(sleep(delay));
        return Coroutine.of(name + ": done");
    }

    @Async
    static Coroutine<Void> main() {
        List<String> results = await(gather(
                fetchData("A", 0.3),
                fetchData("B", 0.1),
                fetchData("C", 0.2)));
        // results is a list: ["A: done", "B: done", "C: done"]
        // Results are in the SAME ORDER as the arguments, not completion order
        System.out.println(results);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
