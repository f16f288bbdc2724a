package dev.jasyncio.samples.seed001;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Awaiting a failed task throws its exception, caught as usual.
 *
 * <p>Seed 001, "Обработка исключений в задачах". Python's {@code ValueError} is {@link IllegalArgumentException}.
 */
public final class TaskException {

    private TaskException() {
    }

    @Async
    static Coroutine<Void> faultyTask() {
        await(sleep(1));
        throw new IllegalArgumentException("An error occurred");
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task = createTask(faultyTask());
        try {
            await(task);
        } catch (IllegalArgumentException e) {
            System.out.println("Caught an exception: " + e.getMessage());
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
