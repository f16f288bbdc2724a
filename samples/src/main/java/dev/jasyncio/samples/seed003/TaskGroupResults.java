package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.TaskGroup;
import dev.jasyncio.annotations.Async;


import static dev.jasyncio.Asyncio.*;

/**
 * Structured concurrency: when the task group ends, all its tasks are done.
 *
 * <p>Seed 003, "asyncio.TaskGroup (Python 3.11+) — Structured Concurrency" (the seed's snippet, with
 * {@code fetch_data} and the {@code asyncio.run(main())} it leaves out). {@code async with asyncio.TaskGroup() as tg}
 * is try-with-resources over the group; as in Python, the tasks assigned in the block are visible after it.
 */
public final class TaskGroupResults {

    private TaskGroupResults() {
    }

    @Async
    static Coroutine<String> fetchData(String name, double delay) {
        await(sleep(delay));
        return Coroutine.of(name + ": done");
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> task1;
        Task<String> task2;
        Task<String> task3;
        try (TaskGroup tg = taskGroup()) {
            task1 = tg.createTask(fetchData("A", 0.2));
            task2 = tg.createTask(fetchData("B", 0.1));
            task3 = tg.createTask(fetchData("C", 0.3));
        }

        // When we get here, ALL tasks are guaranteed to be done
        System.out.println(task1.result() + " " + task2.result() + " " + task3.result());
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
