package dev.jasyncio;

/**
 * Python's asynchronous iterable ({@code __aiter__}): a source of elements produced asynchronously, consumed with
 * {@code for (T x : aiter(source))} in an async body ({@code async for x in source}).
 *
 * @param <T> the elements' type
 */
public interface AsyncIterable<T> {

    /** A fresh iterator over the elements (an async generator returns itself: it can be iterated once). */
    AsyncIterator<T> asyncIterator();
}
