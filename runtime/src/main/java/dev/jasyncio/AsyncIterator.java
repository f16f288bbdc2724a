package dev.jasyncio;

/**
 * Python's asynchronous iterator ({@code __anext__}), split as Java's {@link java.util.Iterator} is: awaiting
 * {@link #hasNext()} moves to the next element (suspending while it is produced) and tells whether there is one;
 * {@link #next()} then returns it. {@code for (T x : aiter(source))} in an async body does both at each step.
 *
 * @param <T> the elements' type
 */
public interface AsyncIterator<T> {

    /** Moves to the next element, if any: produces whether there is one. Awaited once per element. */
    Coroutine<Boolean> hasNext();

    /** The element the last {@link #hasNext()} moved to. */
    T next();
}
