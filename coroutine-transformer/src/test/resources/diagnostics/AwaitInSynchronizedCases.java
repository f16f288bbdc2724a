package demo;

import dev.jasyncio.AsyncSupplier;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Lock;

import static dev.jasyncio.Asyncio.*;

class AwaitInSynchronizedCases {

    private final Object monitor = new Object();
    private final Lock lock = new Lock();
    private int counter;

    @Async
    Coroutine<Void> blockInAsyncMethod() {
        synchronized (monitor) {
            counter++;
            // BUG: Diagnostic contains: AWAIT_IN_SYNCHRONIZED
            await(sleep(0.1));
        }
        return Coroutine.of(null);
    }

    @Async
    synchronized Coroutine<Integer> synchronizedAsyncMethod() {
        counter++;
        // BUG: Diagnostic contains: AWAIT_IN_SYNCHRONIZED
        await(sleep(0.1));
        return Coroutine.of(counter);
    }

    @Async
    Coroutine<Void> blockInAsyncLambda() {
        await(taskGroup(tg -> {
            synchronized (this) {
                if (counter > 0) {
                    // BUG: Diagnostic contains: AWAIT_IN_SYNCHRONIZED
                    await(sleep(0));
                }
            }
            return Coroutine.of(null);
        }));
        return Coroutine.of(null);
    }

    // No await, still refused: the monitor would cover creating the coroutine, not running its body.
    @Async
    // BUG: Diagnostic contains: AWAIT_IN_SYNCHRONIZED
    synchronized Coroutine<Integer> neverSuspends() {
        return Coroutine.of(++counter);
    }

    @Async
    Coroutine<Void> fine() {
        // The lock expression runs before the monitor is taken.
        synchronized (await(pick())) {
            counter++;
        }
        synchronized (monitor) {
            // The async lambda runs later, without the monitor.
            AsyncSupplier<Integer> later = () -> {
                await(sleep(0));
                return Coroutine.of(counter);
            };
        }
        await(lock.acquire());
        try {
            await(sleep(0));
        } finally {
            lock.release();
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Object> pick() {
        return Coroutine.of(monitor);
    }
}
