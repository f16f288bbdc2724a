package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * Cancelling a task throws {@link CancelledError} at its await; it cleans up and re-throws, so the awaiter sees
 * the cancellation.
 *
 * <p>Seed 003, "Task Cancellation" (the seed's snippet, with the {@code asyncio.run(main())} it leaves out).
 */
public final class Cancellation {

    private Cancellation() {
    }

    @Async
    static Coroutine<Void> longRunning() {
        try {
            while (true) {
                System.out.println("Working...");
                await(sleep(0.1));
            }
        } catch (CancelledError e) {
            System.out.println("Task was cancelled! Cleaning up...");
            throw e; // Always re-throw CancelledError unless you have a good reason
        }
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task = createTask(longRunning());
        await(sleep(0.3)); // Let it run for a bit
        task.cancel();     // Request cancellation

        try {
            await(task);
        } catch (CancelledError e) {
            System.out.println("Confirmed: task is cancelled");
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
