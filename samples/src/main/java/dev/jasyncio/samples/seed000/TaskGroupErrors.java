package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.ExceptionGroup;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

/**
 * A failing task cancels its siblings; the group raises an {@link ExceptionGroup}, handled here as Python's
 * {@code except* RuntimeError} (a {@link ExceptionGroup#split split}, the rest re-raised).
 *
 * <p>Seed 000, "Обработка ошибок в TaskGroup". Python's {@code RuntimeError} is {@link IllegalStateException}.
 */
public final class TaskGroupErrors {

    private TaskGroupErrors() {
    }

    @Async
    static Coroutine<Void> failingWorker() {
        await(sleep(0.5));
        throw new IllegalStateException("Worker упал!");
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(taskGroup(tg -> {
                tg.createTask(sleep(2));
                tg.createTask(failingWorker()); // Эта задача упадёт
                tg.createTask(sleep(1));
                return Coroutine.of(null);
            }));
        } catch (ExceptionGroup group) {
            ExceptionGroup.Split split = group.split(IllegalStateException.class);
            if (split.matched() == null) {
                throw group;
            }
            // ExceptionGroup содержит все исключения
            for (Throwable exc : split.matched().exceptions()) {
                System.out.println("Поймано: " + exc.getMessage());
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
