package dev.jasyncio.samples.seed002;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static dev.jasyncio.Asyncio.*;

/**
 * Two tasks start as soon as they are created; awaiting them one after the other still takes 3 s, not 5 s.
 *
 * <p>Seed 002, "例子1：串行等待并发任务". Python's dict is a {@link LinkedHashMap} (same key order).
 */
public final class SerialAwait {

    private SerialAwait() {
    }

    @Async
    static Coroutine<Map<String, Object>> httpCall(int num) {
        System.out.println("Starting HTTP call with parameter " + num);
        await(sleep(num)); // Simulating an I/O-bound operation with sleep
        System.out.println("Completed HTTP call " + num);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "success");
        result.put("data", num);
        return Coroutine.of(result);
    }

    @Async
    static Coroutine<Void> main() {
        long startTime = System.nanoTime();
        System.out.println("Starting main coroutine");

        // !!!important,  once task is created , it will be added to event loop automatically
        // and will start running in background!!!
        Task<Map<String, Object>> task1 = createTask(httpCall(3));
        Task<Map<String, Object>> task2 = createTask(httpCall(2));

        System.out.println("Tasks created, awaiting their completion");

        // 等待 task1 完成并获取结果。注意，此时 task1 和 task2 都已经在后台运行了。
        Map<String, Object> result1 = await(task1);
        System.out.println("Result from task1: " + result1);

        // 等待 task2 完成。如果 task2 此时已经完成，await 会立刻返回结果。
        Map<String, Object> result2 = await(task2);
        System.out.println("Result from task2: " + result2);

        System.out.println(String.format(Locale.ROOT, "All tasks completed in %.2f seconds",
                (System.nanoTime() - startTime) / 1e9));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
