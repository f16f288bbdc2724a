package demo;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.AsyncSupplier;

import static dev.jasyncio.Asyncio.*;

class ReturnNullInAsyncCases {

    @Async
    static Coroutine<String> plain() {
        await(sleep(0));
        // BUG: Diagnostic contains: RETURN_NULL_IN_ASYNC
        return null;
    }

    @Async
    static Coroutine<Void> early(boolean stop) {
        if (stop) {
            // BUG: Diagnostic contains: RETURN_NULL_IN_ASYNC
            return null;
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<String> withoutAwait() {
        // BUG: Diagnostic contains: RETURN_NULL_IN_ASYNC
        return null;
    }

    static AsyncSupplier<String> lambda() {
        return () -> {
            await(sleep(0));
            // BUG: Diagnostic contains: RETURN_NULL_IN_ASYNC
            return null;
        };
    }

    // The right way, and null returned where it is a plain value: silent.
    @Async
    static Coroutine<String> right() {
        await(sleep(0));
        return Coroutine.of(null);
    }

    static String notAsync() {
        return null;
    }

    @Async
    static Coroutine<String> innerClass() {
        await(sleep(0));
        java.util.function.Supplier<String> s = new java.util.function.Supplier<>() {
            @Override
            public String get() {
                return null;
            }
        };
        java.util.function.Supplier<String> l = () -> {
            return null;
        };
        return Coroutine.of(s.get() + l.get());
    }
}
