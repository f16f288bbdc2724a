package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

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
    private final Body body;
    private Timeout timeout;

    /**
     * A scope whose deadline is {@code deadline} in loop time, or {@code deadline} seconds after the scope is
     * entered when {@code relative}; {@code body} gives what to await inside it (a coroutine or a future).
     */
    TimeoutScope(double deadline, boolean relative, Body body) {
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

    /**
     * What the scope awaits, made when it is entered: an async lambda's coroutine, which may throw a checked
     * exception as it is made (the scope raises it unchanged), or a future.
     */
    @FunctionalInterface
    interface Body {
        Object apply(Timeout timeout) throws Exception;
    }

    @Override
    public String coroutineName() {
        return "timeout";
    }
}
