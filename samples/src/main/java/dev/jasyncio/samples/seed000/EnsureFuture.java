package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code ensureFuture} wraps a coroutine in a task (and returns a future unchanged).
 *
 * <p>Seed 000, "asyncio.ensure_future() (для совместимости)".
 */
public final class EnsureFuture {

    private EnsureFuture() {
    }

    @Async
    static Coroutine<String> myCoroutine() {
        await(sleep(1));
        return Coroutine.of("готово");
    }

    @Async
    static Coroutine<Void> main() {
        // ensureFuture работает как с корутинами, так и с Future
        Future<String> task = ensureFuture(myCoroutine());
        String result = await(task);
        System.out.println(result);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
