package com.acme;

import static dev.jasyncio.Asyncio.*;

public class Foo {
    public static void plain() {
        await(sleep(1));
    }
}
