package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.CompletedCoroutine;

/**
 * The result of calling an {@code @Async} method: a computation that has not started yet.
 *
 * <p>As in Python, calling an async method runs nothing. The body runs when the coroutine is awaited
 * ({@code await(coro)} runs it inline in the current task) or wrapped in a task ({@code createTask(coro)}
 * schedules it on the event loop). A coroutine runs at most once: awaiting it a second time is an error.
 *
 * <p>Inside an async method, {@code return Coroutine.of(value)} is how the method produces its result.
 *
 * @param <T> the type of the value the coroutine produces
 */
public abstract class Coroutine<T> implements Awaitable<T> {

    /** Only the runtime's frames extend this class: generated ones and the library's own. */
    protected Coroutine() {
    }

    /**
     * A coroutine that produces {@code value} at once. In an async method, {@code return Coroutine.of(v)} is
     * the method's {@code return v}; the transformer turns it into a plain return, so it costs nothing there.
     */
    public static <T> Coroutine<T> of(T value) {
        return new CompletedCoroutine<>(value);
    }

    /**
     * Python's {@code coroutine.close()} for a coroutine that will not be run: it is dropped without the
     * "coroutine ... was never awaited" warning, and awaiting it or wrapping it in a task afterwards raises
     * {@link IllegalStateException}. Closing a coroutine that has finished, or closing it twice, does nothing.
     *
     * <p>A started coroutine belongs to the task running it, and closing it from outside would leave that task
     * waiting on nothing: {@link IllegalStateException}, cancel the task instead ({@link Task#cancel()}), which
     * throws {@link CancelledError} at its current await so that its {@code finally} blocks run, as Python's
     * {@code close()} does with {@code GeneratorExit}.
     */
    public void close() {
        AsyncFrame.close(this);
    }
}
