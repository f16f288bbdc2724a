package demo;

import dev.jasyncio.AsyncSupplier;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.jasyncio.Asyncio.*;

class AwaitInLambdaCases {

    @Async
    static Coroutine<String> fetch(String url) {
        await(sleep(0.1));
        return Coroutine.of(url);
    }

    @Async
    static Coroutine<Void> each(List<String> urls) {
        // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
        urls.forEach(url -> await(fetch(url)));
        List<String> bodies = urls.stream()
                // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
                .map(url -> await(fetch(url)))
                .collect(Collectors.toList());
        Runnable later = () -> {
            // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
            await(sleep(1));
        };
        // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
        Supplier<String> s = () -> await(fetch("s"));
        // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
        Function<String, String> f = (url) -> (await(fetch(url)));
        return Coroutine.of(null);
    }

    static void plainMethod(List<Task<String>> tasks) {
        // The innermost body is the lambda, so the lambda is what has to change.
        // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
        tasks.forEach(t -> System.out.println(await(t)));
    }

    @Async
    static Coroutine<Void> nested() {
        await(taskGroup(tg -> {
            Runnable r = () -> {
                // An ordinary lambda inside an async one is still ordinary.
                // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
                await(sleep(0));
            };
            await(sleep(0));
            return Coroutine.of(null);
        }));
        Runnable r = () -> {
            // And an async lambda inside an ordinary one is still async: no finding here.
            submit(taskGroup(tg -> {
                await(sleep(0));
                return Coroutine.of(null);
            }));
        };
        return Coroutine.of(null);
    }

    static void submit(Coroutine<?> c) {
    }

    static void schedule(String name, AsyncSupplier<String> body) {
    }

    static void schedule(Runnable body) {
    }

    @Async
    static Coroutine<Void> overloads() {
        // This file's two-argument schedule takes an async type at position 1: the lambda is async.
        schedule("async", () -> {
            await(sleep(0));
            return fetch("x");
        });
        // The one-argument schedule takes a Runnable.
        schedule(() -> {
            // BUG: Diagnostic contains: AWAIT_IN_LAMBDA
            await(sleep(0));
        });
        return Coroutine.of(null);
    }
}
