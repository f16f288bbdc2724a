package dev.jasyncio;

import dev.jasyncio.annotations.Async;

import java.util.function.Function;

import static dev.jasyncio.Asyncio.await;

/**
 * The coroutine of {@code timeout(...)}, {@code timeoutAt(...)} and {@code waitFor(...)}: asyncio's
 * {@code async with timeout(...)} around a body. The body runs inline in the awaiting task, as it would in
 * Python; {@link Timeout} does the bookkeeping in its {@code aenter} and {@code aexit}.
 */
final class TimeoutScope {

    private TimeoutScope() {
    }

    /**
     * A scope whose deadline is {@code deadline} in loop time, or {@code deadline} seconds after the scope is
     * entered when {@code relative}; {@code body} gives what to await inside it (a coroutine or a future).
     */
    @Async
    static <T> Coroutine<T> timeout(double deadline, boolean relative,
                                    Function<Timeout, ? extends Awaitable<T>> body) {
        T value = null;
        try (Timeout t = new Timeout(relative ? EventLoop.requireRunning().time() + deadline : deadline)) {
            value = await(body.apply(t));
        }
        return Coroutine.of(value);
    }
}
