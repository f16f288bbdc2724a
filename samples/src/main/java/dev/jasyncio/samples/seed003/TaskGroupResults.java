package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Structured concurrency: when the task group ends, all its tasks are done.
 *
 * <p>Seed 003, "asyncio.TaskGroup (Python 3.11+) — Structured Concurrency" (the seed's snippet, with
 * {@code fetch_data} and the {@code asyncio.run(main())} it leaves out). Python's tasks stay visible after the
 * {@code async with} block; here the group's body hands them out as its value.
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
        List<Task<String>> tasks = await(taskGroup(tg -> {
            Task<String> task1 = tg.createTask(fetchData("A", 0.2));
            Task<String> task2 = tg.createTask(fetchData("B", 0.1));
            Task<String> task3 = tg.createTask(fetchData("C", 0.3));
            return Coroutine.of(List.of(task1, task2, task3));
        }));

        // When we get here, ALL tasks are guaranteed to be done
        System.out.println(tasks.get(0).result() + " " + tasks.get(1).result() + " " + tasks.get(2).result());
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
