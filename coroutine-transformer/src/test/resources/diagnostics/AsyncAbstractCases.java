package demo;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

abstract class AsyncAbstractCases {

    // BUG: Diagnostic contains: ASYNC_ABSTRACT
    @Async
    abstract Coroutine<String> fetch();

    // BUG: Diagnostic contains: ASYNC_ABSTRACT
    @Async
    native Coroutine<String> nativeFetch();

    // Two mistakes on one declaration, two findings.
    // BUG: Diagnostic contains: ASYNC_ABSTRACT
    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @Async
    protected abstract String both();

    interface Service {
        // BUG: Diagnostic contains: ASYNC_ABSTRACT
        @Async
        Coroutine<String> call(String request);

        // A default method has a body: it can be async.
        @Async
        default Coroutine<String> callTwice(String request) {
            String first = await(call(request));
            return call(first);
        }

        @Async
        static Coroutine<String> echo(String request) {
            await(sleep(0));
            return Coroutine.of(request);
        }
    }

    static final class Impl implements Service {
        @Async
        @Override
        public Coroutine<String> call(String request) {
            await(sleep(0));
            return Coroutine.of(request);
        }
    }
}
