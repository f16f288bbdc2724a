package com.acme;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FetchTest {

    @Test
    void tasksInterleaveAndResultsComeBackInOrder() {
        List<String> out = capture(() -> Asyncio.run(Fetch.main()),
                "data from API|data from Database|[data from x, data from y]");
        // The shorter sleep finishes first: the two tasks ran concurrently, not one after the other.
        assertEquals(List.of("start API", "start Database", "done Database", "done API",
                "start x", "start y", "done y", "done x"), out);
    }

    @Test
    void callingAnAsyncMethodRunsNothingUntilAwaited() {
        AtomicReference<Coroutine<String>> coro = new AtomicReference<>();
        assertEquals(List.of(), capture(() -> {
            coro.set(Fetch.fetchData("lazy", 0));
            return "created";
        }, "created"));
        assertEquals(List.of("start lazy", "done lazy"), capture(() -> Asyncio.run(coro.get()), "data from lazy"));
    }

    @Test
    void asyncTestCodeIsInstrumentedToo() {
        assertEquals(List.of("start named", "done named"), capture(() -> Asyncio.run(named()), "api:data from named"));
    }

    @Async
    static Coroutine<String> named() {
        Task<String> t = createTask(Fetch.fetchData("named", 0), "api");
        String r = await(t);
        return Coroutine.of(t.getName() + ":" + r);
    }

    /** Runs {@code body} with System.out captured, checks its result, returns the printed lines. */
    private static List<String> capture(Supplier<String> body, String expected) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String result;
        try {
            result = body.get();
        } finally {
            System.setOut(old);
        }
        assertEquals(expected, result);
        String text = buffer.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }
}
