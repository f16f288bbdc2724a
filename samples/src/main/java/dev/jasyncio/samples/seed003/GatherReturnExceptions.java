package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * With {@code returnExceptions}, {@code gather} returns failures in place of results.
 *
 * <p>Seed 003, "asyncio.gather() — Collecting Results", second snippet (with the {@code asyncio.run(main())} it
 * leaves out). Python's {@code ValueError} is {@link IllegalArgumentException}.
 */
public final class GatherReturnExceptions {

    private GatherReturnExceptions() {
    }

    @Async
    static Coroutine<Integer> mightFail(int n) {
        if (n == 2) {
            throw new IllegalArgumentException("oops!");
        }
        return Coroutine.of(n * 10);
    }

    @Async
    static Coroutine<Void> main() {
        List<Object> results = await(gather(List.of(
                mightFail(1),
                mightFail(2),
                mightFail(3)), true));
        // results: [10, java.lang.IllegalArgumentException: oops!, 30]
        for (Object r : results) {
            if (r instanceof Exception) {
                System.out.println("Error: " + ((Exception) r).getMessage());
            } else {
                System.out.println("Result: " + r);
            }
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
