package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} runs three coroutines concurrently and returns their results in argument order.
 *
 * <p>Seed 000, "asyncio.gather() - группировка задач".
 */
public final class Gather {

    private Gather() {
    }

    @Async
    static Coroutine<String> taskA() {
        await(sleep(1));
        return Coroutine.of("A");
    }

    @Async
    static Coroutine<String> taskB() {
        await(sleep(2));
        return Coroutine.of("B");
    }

    @Async
    static Coroutine<String> taskC() {
        await(sleep(0.5));
        return Coroutine.of("C");
    }

    @Async
    static Coroutine<Void> main() {
        // gather запускает все корутины параллельно
        List<String> results = await(gather(taskA(), taskB(), taskC()));
        System.out.println(results); // [A, B, C] - порядок сохраняется
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
