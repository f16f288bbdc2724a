package dev.jasyncio.samples.seed001;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code Asyncio.wait} waits for a list of tasks (all of them, by default).
 *
 * <p>Seed 001, "Ожидание завершения всех задач с asyncio.wait()".
 */
public final class WaitSayAfter {

    private WaitSayAfter() {
    }

    @Async
    static Coroutine<Void> sayAfter(double delay, String message) {
        await(sleep(delay));
        System.out.println(message);
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        List<Task<Void>> tasks = List.of(
                createTask(sayAfter(1, "Hello")),
                createTask(sayAfter(2, "World")));
        await(Asyncio.wait(tasks));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
