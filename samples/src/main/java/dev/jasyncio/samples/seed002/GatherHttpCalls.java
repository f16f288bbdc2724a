package dev.jasyncio.samples.seed002;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.jasyncio.Asyncio.*;

/**
 * {@code gather} takes the coroutines themselves (no tasks needed) and returns their results in order.
 *
 * <p>Seed 002, "使用 asyncio.gather() (最常用)". Python's dict is a {@link LinkedHashMap} (same key order).
 */
public final class GatherHttpCalls {

    private GatherHttpCalls() {
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
        long startTime = System.nanoTime();
        System.out.println("Starting main coroutine");

        List<Coroutine<Map<String, Object>>> taskList = List.of(
                httpCall(3),
                httpCall(2),
                httpCall(1));

        System.out.println("Tasks created, awaiting their start and completion");
        // 使用 gather 运行任务并等待它们全部完成
        List<Map<String, Object>> results = await(gather(taskList));

        System.out.println("\nAll results: " + results);
        System.out.println(String.format(Locale.ROOT, "Total time: %.2f seconds",
                (System.nanoTime() - startTime) / 1e9));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
