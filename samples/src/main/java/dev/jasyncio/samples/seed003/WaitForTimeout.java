package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code waitFor} cancels work that misses its deadline and raises {@link TimeoutError}.
 *
 * <p>Seed 003, "Timeouts with asyncio.wait_for()" (the seed's snippet, with the {@code asyncio.run(main())} it
 * leaves out).
 */
public final class WaitForTimeout {

    private WaitForTimeout() {
    }

    @Async
    static Coroutine<String> slowOperation() {
        await(sleep(5.0));
        return Coroutine.of("done");
    }

    @Async
    static Coroutine<Void> main() {
        try {
            String result = await(waitFor(slowOperation(), 0.2));
            System.out.println(result);
        } catch (TimeoutError e) {
            System.out.println("Operation timed out!");
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
