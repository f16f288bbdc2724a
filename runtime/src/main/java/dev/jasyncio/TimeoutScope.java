package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.util.function.Function;

/**
 * The coroutine of {@code timeout(...)}, {@code timeoutAt(...)} and {@code waitFor(...)}: asyncio's
 * {@code async with timeout(...)} around a body. The body runs inline in the awaiting task, as it would in
 * Python; {@link Timeout} does the bookkeeping.
 *
 * @param <T> the body's result type
 */
final class TimeoutScope<T> extends LibraryFrame<T> {

    private final double deadline;
    private final boolean relative;
    private final Function<Timeout, Object> body;
    private Timeout timeout;

    /**
     * A scope whose deadline is {@code deadline} in loop time, or {@code deadline} seconds after the scope is
     * entered when {@code relative}; {@code body} gives what to await inside it (a coroutine or a future).
     */
    TimeoutScope(double deadline, boolean relative, Function<Timeout, Object> body) {
        this.deadline = deadline;
        this.relative = relative;
        this.body = body;
    }

    @Override
    protected Object step(Object value, Throwable error) {
        switch (label) {
            case 0:
                timeout = new Timeout(relative ? task.loop.time() + deadline : deadline);
                timeout.enter(task);
                Object inner;
                try {
                    inner = body.apply(timeout);
                } catch (Throwable t) {
                    return jump(1, null, t);
                }
                return await(inner, 1);
            default:
                rethrow(timeout.exit(error));
                return value;
        }
    }

    @Override
    public String coroutineName() {
        return "timeout";
    }
}
