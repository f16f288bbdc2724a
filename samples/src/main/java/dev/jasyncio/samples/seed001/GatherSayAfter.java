package dev.jasyncio.samples.seed001;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} runs two coroutines concurrently.
 *
 * <p>Seed 001, "Запуск нескольких задач параллельно".
 */
public final class GatherSayAfter {

    private GatherSayAfter() {
    }

    @Async
    static Coroutine<Void> sayAfter(double delay, String message) {
        await(sleep(delay));
        System.out.println(message);
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        await(gather(
                sayAfter(1, "Hello"),
                sayAfter(2, "World")));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
