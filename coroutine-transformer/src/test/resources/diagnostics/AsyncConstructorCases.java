package demo;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

class AsyncConstructorCases {

    private final String value;

    // BUG: Diagnostic contains: ASYNC_CONSTRUCTOR
    @Async
    AsyncConstructorCases(String key) {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        this.value = await(lookup(key));
    }

    private AsyncConstructorCases(String key, String value) {
        this.value = value;
    }

    // What to write instead: an async factory.
    @Async
    static Coroutine<AsyncConstructorCases> create(String key) {
        String value = await(lookup(key));
        return Coroutine.of(new AsyncConstructorCases(key, value));
    }

    @Async
    static Coroutine<String> lookup(String key) {
        return Coroutine.of(key);
    }

    record Pair(String a, String b) {
        // BUG: Diagnostic contains: ASYNC_CONSTRUCTOR
        @Async
        Pair {
        }
    }
}
