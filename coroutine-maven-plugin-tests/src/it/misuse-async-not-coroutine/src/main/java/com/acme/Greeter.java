package com.acme;

import dev.jasyncio.annotations.Async;

public class Greeter {
    @Async
    public static String hello() {
        return "hello";
    }
}
