package demo;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.*;

// Several kinds of misuse in one file: one build reports every one of them, whatever the pass that finds it.
class SeveralMisusesCases {

    private final Object guard = new Object();

    void notAsync() {
        // BUG: Diagnostic contains: AWAIT_OUTSIDE_ASYNC
        await(sleep(0));
    }

    @Async
    Coroutine<Void> guarded() {
        synchronized (guard) {
            // BUG: Diagnostic contains: AWAIT_IN_SYNCHRONIZED
            await(sleep(0));
        }
        return Coroutine.of(null);
    }

    // BUG: Diagnostic contains: ASYNC_NOT_COROUTINE
    @Async
    String notACoroutine() {
        return "x";
    }

    @Async
    Coroutine<String> fine() {
        await(sleep(0));
        return Coroutine.of("fine");
    }
}
