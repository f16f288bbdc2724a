package demo;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.jasyncio.Asyncio.*;

class AsyncNotCoroutineCases {

    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @Async
    static void run() {
        await(sleep(1));
    }

    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @Async static String name() {
        return "x";
    }

    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @Async
    int count() {
        return 1;
    }

    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @Async
    CompletableFuture<String> future() {
        return CompletableFuture.completedFuture("x");
    }

    @Deprecated
    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @dev.jasyncio.annotations.Async
    List<String> qualified() {
        return List.of();
    }

    @Async
    Coroutine<String> fine() {
        return Coroutine.of("x");
    }

    @Async
    dev.jasyncio.Coroutine<List<String>> qualifiedFine() {
        return Coroutine.of(List.of());
    }
}
