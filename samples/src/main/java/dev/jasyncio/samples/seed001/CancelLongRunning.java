package dev.jasyncio.samples.seed001;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Cancelling a task throws {@link CancelledError} at its current await; this one catches it and ends normally.
 *
 * <p>Seed 001, "Отмена задач".
 */
public final class CancelLongRunning {

    private CancelLongRunning() {
    }

    @Async
    static Coroutine<Void> longRunningTask() {
        try {
            while (true) {
                System.out.println("Running...");
                await(sleep(1));
            }
        } catch (CancelledError e) {
            System.out.println("Task was cancelled");
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task = createTask(longRunningTask());
        await(sleep(3));
        task.cancel();
        await(task);
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
