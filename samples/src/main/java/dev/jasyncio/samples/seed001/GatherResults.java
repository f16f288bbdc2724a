package dev.jasyncio.samples.seed001;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} returns the results of its coroutines, in argument order.
 *
 * <p>Seed 001, "Получение результатов задач". Python unpacks the list into two names; here they are read from it.
 */
public final class GatherResults {

    private GatherResults() {
    }

    @Async
    static Coroutine<Integer> add(int a, int b) {
        await(sleep(1));
        return Coroutine.of(a + b);
    }

    @Async
    static Coroutine<Void> main() {
        List<Integer> results = await(gather(
                add(1, 2),
                add(3, 4)));
        int result1 = results.get(0);
        int result2 = results.get(1);
        System.out.println(result1); // Output: 3
        System.out.println(result2); // Output: 7
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
