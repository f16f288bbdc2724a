package com.acme;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

public class Counter {
    @Async
    public static Coroutine<Integer> tick(int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            await(sleep(0));
            total += i;
        }
        return Coroutine.of(total);
    }
}
