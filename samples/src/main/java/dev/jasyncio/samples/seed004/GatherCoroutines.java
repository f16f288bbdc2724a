package dev.jasyncio.samples.seed004;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} runs two coroutines concurrently: the shorter sleep prints first.
 *
 * <p>Seed 004, the first {@code asyncio.gather} example.
 */
public final class GatherCoroutines {

    private GatherCoroutines() {
    }

    @Async
    static Coroutine<Void> coro1() {
        await(sleep(1));
        System.out.println("я выполняюсь coro111");
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> coro2() {
        await(sleep(0.9));
        System.out.println("я выполняюсь coro222");
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        // выполнение группы обьектов
        await(gather(coro1(), coro2()));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
