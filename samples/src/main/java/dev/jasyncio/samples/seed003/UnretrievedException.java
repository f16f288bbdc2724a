package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * A task that fails and is never awaited: nothing is printed, and once the task is collected the loop's
 * exception handler logs "Task exception was never retrieved".
 *
 * <p>Seed 003, "Error Handling in Tasks", first snippet (with the {@code asyncio.run(main())} it leaves out).
 * Python's {@code RuntimeError} is {@link IllegalStateException}.
 */
public final class UnretrievedException {

    private UnretrievedException() {
    }

    @Async
    static Coroutine<Void> broken() {
        throw new IllegalStateException("boom");
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> task = createTask(broken());
        // If you never await this task, the loop will log:
        // "Task exception was never retrieved"
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
