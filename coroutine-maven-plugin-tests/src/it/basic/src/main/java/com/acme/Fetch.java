package com.acme;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

public class Fetch {

    @Async
    static Coroutine<String> fetchData(String source, double delaySeconds) {
        System.out.println("start " + source);
        await(sleep(delaySeconds));
        System.out.println("done " + source);
        return Coroutine.of("data from " + source);
    }

    @Async
    public static Coroutine<String> main() {
        Task<String> a = createTask(fetchData("API", 0.2), "api");
        Task<String> b = createTask(fetchData("Database", 0.1));
        String ra = await(a);
        String rb = await(b);
        List<String> all = await(gather(fetchData("x", 0.05), fetchData("y", 0.01)));
        return Coroutine.of(ra + "|" + rb + "|" + all);
    }

    public static void main(String[] args) {
        System.out.println(Asyncio.run(main()));
    }
}
