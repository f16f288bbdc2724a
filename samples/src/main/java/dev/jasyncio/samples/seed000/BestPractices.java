package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Named tasks in a task group, then named tasks gathered with {@code returnExceptions}.
 *
 * <p>Seed 000, "Best Practices".
 */
public final class BestPractices {

    private BestPractices() {
    }

    @Async
    static Coroutine<Void> bestPracticesExample() {
        // Хороший пример создания и управления задачами
        await(taskGroup(tg -> {
            // Именованные задачи
            Task<Void> task1 = tg.createTask(sleep(1), "sleep_task");
            return Coroutine.of(null);
        }));

        // Или без TaskGroup
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(createTask(sleep(0.5), "task_" + i));
        }

        List<Object> results = await(gather(tasks, true));

        for (int i = 0; i < tasks.size(); i++) {
            Task<Void> task = tasks.get(i);
            Object result = results.get(i);
            if (result instanceof Exception) {
                System.out.println(task.getName() + " failed: " + ((Exception) result).getMessage());
            } else {
                System.out.println(task.getName() + " succeeded");
            }
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(bestPracticesExample());
    }
}
