package dev.jasyncio;

import dev.jasyncio.internal.Operators;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Python's asynchronous iterable ({@code __aiter__}): a source of elements produced asynchronously, consumed with
 * {@code for (T x : aiter(source))} in an async body ({@code async for x in source}).
 *
 * @param <T> the elements' type
 */
public interface AsyncIterable<T> {

    /** A fresh iterator over the elements (an async generator returns itself: it can be iterated once). */
    AsyncIterator<T> asyncIterator();

    /** The elements passed through {@code f}, lazily. */
    default <R> AsyncIterable<R> map(Function<? super T, ? extends R> f) {
        return () -> Operators.<T, R>map(this, f).asyncIterator();
    }

    /** The elements {@code keep} accepts, lazily. */
    default AsyncIterable<T> filter(Predicate<? super T> keep) {
        return () -> Operators.filter(this, keep).asyncIterator();
    }

    /** The first {@code n} elements; the source is closed after the {@code n}-th, never pulled past it. */
    default AsyncIterable<T> take(int n) {
        return () -> Operators.take(this, n).asyncIterator();
    }

    /** The elements in lists of {@code size} (the last one shorter if the source ends first). */
    default AsyncIterable<List<T>> chunked(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        return () -> Operators.chunked(this, size).asyncIterator();
    }

    /**
     * The elements in lists of at most {@code size}, a list emitted when full or {@code seconds} after its first
     * element arrived, whichever comes first (loop time: virtual in tests). The source is pulled by a task of its
     * own, at most {@code size} elements ahead.
     */
    default AsyncIterable<List<T>> chunked(int size, double seconds) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        return () -> Operators.chunked(this, size, seconds).asyncIterator();
    }

    /** Every element, in a list, once the source ends. */
    default Coroutine<List<T>> toList() {
        return Operators.toList(this);
    }
}
