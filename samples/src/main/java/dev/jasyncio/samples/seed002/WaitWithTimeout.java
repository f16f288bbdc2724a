package dev.jasyncio.samples.seed002;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import dev.jasyncio.WaitResult;
import dev.jasyncio.annotations.Async;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code Asyncio.wait} with a 2 s timeout splits the tasks into done and pending; the pending ones are cancelled.
 *
 * <p>Seed 002, "使用 asyncio.wait() 控制任务". As in CPython, {@code t2} (2 s) is still pending when the 2 s timeout,
 * started before it, expires. Python's dict is a {@link LinkedHashMap} (same key order).
 */
public final class WaitWithTimeout {

    private WaitWithTimeout() {
    }

    @Async
    static Coroutine<Map<String, Object>> httpCall(int num) {
        System.out.println("Starting HTTP call with parameter " + num);
        await(sleep(num));
        System.out.println("Completed HTTP call " + num);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "success");
        result.put("data", num);
        return Coroutine.of(result);
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println("Starting main coroutine");

        List<Task<Map<String, Object>>> taskList = List.of(
                createTask(httpCall(3), "t1"),
                createTask(httpCall(2), "t2"),
                createTask(httpCall(1), "t3"));

        // 使用 Asyncio.wait 并设置2秒超时
        WaitResult<Map<String, Object>> waited = await(Asyncio.wait(taskList, 2));

        System.out.println("\nDone tasks (" + waited.done().size() + "):");
        for (Future<Map<String, Object>> future : waited.done()) {
            Task<?> task = (Task<?>) future;
            // 任务完成后，可以通过 .result() 获取结果
            System.out.println("- " + task.getName() + " result: " + task.result());
        }

        System.out.println("\nPending tasks (" + waited.pending().size() + "):");
        for (Future<Map<String, Object>> future : waited.pending()) {
            Task<?> task = (Task<?>) future;
            System.out.println("- " + task.getName() + " is still pending.");
            task.cancel(); // 取消仍在运行的任务，避免资源泄露
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
