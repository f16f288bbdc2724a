package dev.jasyncio.samples.seed004;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code Asyncio.run} starts the event loop with the main coroutine, which awaits another one.
 *
 * <p>Seed 004, "вот как запуск event loop и корутин выглядит". In the seed the first print is not indented under
 * {@code custom_coro}: it runs when the module is loaded, before {@code asyncio.run}; here it is the first
 * statement of {@code main(String[])}.
 */
public final class RunMain {

    private RunMain() {
    }

    // определение корутины
    @Async
    static Coroutine<Void> customCoro() {
        await(sleep(1));
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println("корутина custom_coro выполняеться");
        await(customCoro());
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        System.out.println("корутина custom_coro() выполнелась");
        // запуск основной корутины
        Asyncio.run(main());
    }
}
