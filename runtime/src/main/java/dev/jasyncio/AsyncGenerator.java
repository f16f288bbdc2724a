package dev.jasyncio;

/**
 * An asynchronous generator: the result of calling an {@code @Async} method that returns
 * {@code AsyncGenerator<T>} (whose body hands out elements with {@code await(emit(v))} and ends with
 * {@code return AsyncGenerator.end()}), or of {@link Asyncio#generate(AsyncFunction)}. Python's async generator.
 *
 * <p>Lazy, as in Python: nothing runs until the consumer asks for the first element, and the body runs only up to
 * the next {@code emit}, so values are produced on demand. A failure of the body reaches the consumer at the step
 * where it happens; the generator is then finished. {@link #aclose()} throws {@link GeneratorExit} into the body
 * suspended at its {@code emit}, so its {@code finally} blocks run; a {@code for (x : aiter(gen))} left early
 * (break, return, an exception) closes it that way too. A generator is iterated once.
 *
 * @param <T> the elements' type
 */
public abstract class AsyncGenerator<T> implements AsyncIterable<T> {

    AsyncGenerator() {
    }

    /**
     * Closes the generator: a body suspended at an {@code emit} gets {@link GeneratorExit} there and runs its
     * {@code finally} blocks; one that emits again instead fails the close with {@link IllegalStateException}. A
     * generator not started or finished just ends.
     */
    public abstract Coroutine<Void> aclose();

    /**
     * How an async generator's body ends: {@code return AsyncGenerator.end();} (the build turns it into the end of
     * the body). Outside such a body, a generator that produces nothing.
     */
    public static <T> AsyncGenerator<T> end() {
        return Generator.finished();
    }
}
