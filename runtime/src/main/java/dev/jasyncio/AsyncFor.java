package dev.jasyncio;

import java.util.Iterator;

/**
 * What {@code for (T x : aiter(source))} iterates: a plain {@link Iterable} whose iterator the build drives
 * asynchronously in an async body (each {@code hasNext()} becomes an await of the source's
 * {@link AsyncIterator#hasNext()}). Run as written, outside an async body, its {@code hasNext()} fails naming the
 * fix.
 *
 * @param <T> the elements' type
 */
final class AsyncFor<T> implements Iterable<T> {

    private final AsyncIterable<T> source;

    AsyncFor(AsyncIterable<T> source) {
        this.source = source;
    }

    @Override
    public Iterator<T> iterator() {
        return new Steps<>(source.asyncIterator());
    }

    /** The iterator the build awaits through. */
    static final class Steps<T> implements Iterator<T> {
        final AsyncIterator<T> source;

        Steps(AsyncIterator<T> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            throw new IllegalStateException("for (x : aiter(...)) ran outside an async body: only in an @Async method "
                    + "or an async lambda does the build await each step of the source (async for); annotate the "
                    + "method with @Async and apply dev.jasyncio:coroutine-maven-plugin, or await "
                    + "source.asyncIterator().hasNext() by hand");
        }

        @Override
        public T next() {
            return source.next();
        }
    }
}
