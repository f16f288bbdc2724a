package demo;

import dev.jasyncio.AsyncFunction;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

class AwaitOutsideAsyncCases {

    // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
    static final String CONFIG = await(load("config"));

    private final String name;

    static {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        await(sleep(0));
    }

    {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        await(sleep(0));
    }

    AwaitOutsideAsyncCases() {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        this.name = await(load("name"));
    }

    @Async
    static Coroutine<String> load(String key) {
        await(sleep(0.1));
        return Coroutine.of(key);
    }

    static String plain() {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        String a = await(load("a"));
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        String b = Asyncio.await(load("b"));
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        String c = dev.jasyncio.Asyncio.await(load("c"));
        return a + b + c;
    }

    // Returns a coroutine, but without @Async the body is ordinary code.
    static Coroutine<String> forgotAnnotation() {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        String a = await(load("a"));
        return Coroutine.of(a);
    }

    void nestedCalls() {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        System.out.println(load("x").toString() + await(load("y")));
        synchronized (this) {
            // Outside an async body this is the first thing to fix; the monitor comes second.
            // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
            await(load("z"));
        }
    }

    public static void main(String[] args) {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        await(load("main"));
    }

    @Async
    static Coroutine<Void> outer() {
        await(load("fine"));
        class Helper {
            String help() {
                // A local class's method is its own body: the enclosing @Async does not reach it.
                // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
                return await(load("help"));
            }
        }
        AsyncFunction<String, String> f = new AsyncFunction<>() {
            @Override
            public Coroutine<String> apply(String s) {
                // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
                return Coroutine.of(await(load(s)));
            }
        };
        return Coroutine.of(null);
    }

    enum Mode {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        FAST(await(load("fast")));

        Mode(String label) {
        }
    }

    record Point(int x, int y) {
        Point {
            // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
            await(sleep(0));
        }
    }
}
