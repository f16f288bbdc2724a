package com.acme;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

public class Greeter {
    @Async
    public static Coroutine<String> greet(String who) {
        await(sleep(0));
        return Coroutine.of("hello " + who);
    }
}
