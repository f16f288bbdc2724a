package com.acme;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

public class Hello {

    @Async
    static Coroutine<String> main() {
        await(sleep(0.01));
        return Coroutine.of("hello");
    }

    public static void main(String[] args) {
        System.out.println(Asyncio.run(main()));
    }
}
