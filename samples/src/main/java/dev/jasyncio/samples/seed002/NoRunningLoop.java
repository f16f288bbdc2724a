package dev.jasyncio.samples.seed002;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.*;

/**
 * The pitfall: creating tasks before any event loop runs fails with {@link IllegalStateException}
 * "no running event loop" (Python: {@code RuntimeError}), and the coroutine is reported as never awaited.
 *
 * <p>Seed 002, "一个常见的坑：在事件循环创建之前加入task". {@code Asyncio.run} takes a coroutine, so the gather is
 * awaited by {@link #gatherAll}; that line is never reached anyway.
 */
public final class NoRunningLoop {

    private NoRunningLoop() {
    }

    @Async
    static Coroutine<Map<String, Object>> httpCall(int num) {
        System.out.println("Starting HTTP call with parameter " + num);
        await(sleep(num));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "success");
        result.put("data", num);
        return Coroutine.of(result);
    }

    @Async
    static Coroutine<List<Map<String, Object>>> gatherAll(List<Task<Map<String, Object>>> tasks) {
        return Coroutine.of(await(gather(tasks)));
    }

    /** Runs the example: it fails at the first {@code createTask}. */
    public static void main(String[] args) {
        // 错误！此时还没有事件循环在运行
        List<Task<Map<String, Object>>> taskList = List.of(
                createTask(httpCall(3), "t1"),
                createTask(httpCall(2), "t2"));

        // 这行代码永远不会被执行到
        Asyncio.run(gatherAll(taskList));
    }
}
