package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.ExceptionGroup;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * A failing task in a group surfaces as an {@link ExceptionGroup}, handled here as Python's
 * {@code except* ValueError} (a {@link ExceptionGroup#split split}, the rest re-raised).
 *
 * <p>Seed 003, "asyncio.TaskGroup", second snippet (with {@code might_fail} and the {@code asyncio.run(main())}
 * it leaves out). Python's {@code ValueError} is {@link IllegalArgumentException}.
 */
public final class TaskGroupErrors {

    private TaskGroupErrors() {
    }

    @Async
    static Coroutine<Integer> mightFail(int n) {
        if (n == 2) {
            throw new IllegalArgumentException("oops!");
        }
        return Coroutine.of(n * 10);
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(taskGroup(tg -> {
                tg.createTask(mightFail(1));
                tg.createTask(mightFail(2)); // This raises IllegalArgumentException
                tg.createTask(mightFail(3));
                return Coroutine.of(null);
            }));
        } catch (ExceptionGroup group) {
            // split stands in for except*, which catches ExceptionGroups (Python 3.11+)
            ExceptionGroup.Split split = group.split(IllegalArgumentException.class);
            if (split.matched() == null) {
                throw group;
            }
            for (Throwable exc : split.matched().exceptions()) {
                System.out.println("Caught: " + exc.getMessage());
            }
            if (split.rest() != null) {
                throw split.rest();
            }
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
