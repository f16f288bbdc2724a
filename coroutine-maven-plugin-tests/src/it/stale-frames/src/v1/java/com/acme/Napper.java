package com.acme;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

public class Napper {
    @Async
    public static Coroutine<Void> nap() {
        await(sleep(0));
        return Coroutine.of(null);
    }
}
