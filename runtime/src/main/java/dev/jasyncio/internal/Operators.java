package dev.jasyncio.internal;

import dev.jasyncio.AsyncGenerator;
import dev.jasyncio.AsyncIterable;
import dev.jasyncio.Coroutine;
import dev.jasyncio.QueueShutDown;
import dev.jasyncio.Task;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;
import dev.jasyncio.streams.StreamReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import static dev.jasyncio.Asyncio.aiter;
import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.emit;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.waitFor;

/**
 * The operators of {@link AsyncIterable}, as async generators over their source: lazy (each element is pulled
 * from the source when the consumer asks for one) and closing the source when they stop early.
 */
public final class Operators {

    private Operators() {
    }

    @Async
    public static <T, R> AsyncGenerator<R> map(AsyncIterable<T> source, Function<? super T, ? extends R> f) {
        for (T x : aiter(source)) {
            await(emit(f.apply(x)));
        }
        return AsyncGenerator.end();
    }

    @Async
    public static <T> AsyncGenerator<T> filter(AsyncIterable<T> source, Predicate<? super T> keep) {
        for (T x : aiter(source)) {
            if (keep.test(x)) {
                await(emit(x));
            }
        }
        return AsyncGenerator.end();
    }

    @Async
    public static <T> AsyncGenerator<T> take(AsyncIterable<T> source, int n) {
        if (n <= 0) {
            return AsyncGenerator.end();
        }
        int taken = 0;
        for (T x : aiter(source)) {
            await(emit(x));
            if (++taken == n) {
                break; // closes the source: nothing is pulled past the n-th element
            }
        }
        return AsyncGenerator.end();
    }

    @Async
    public static <T> AsyncGenerator<List<T>> chunked(AsyncIterable<T> source, int size) {
        List<T> chunk = new ArrayList<>(size);
        for (T x : aiter(source)) {
            chunk.add(x);
            if (chunk.size() == size) {
                await(emit(chunk));
                chunk = new ArrayList<>(size);
            }
        }
        if (!chunk.isEmpty()) {
            await(emit(chunk));
        }
        return AsyncGenerator.end();
    }

    /** The end of the source, or its failure, as it travels through the queue of {@link #chunked(AsyncIterable, int, double)}. */
    private static final class End {
        final Throwable failure;

        End(Throwable failure) {
            this.failure = failure;
        }
    }

    /**
     * Chunks of at most {@code size}, each emitted when full or {@code seconds} after its first element came,
     * whichever is first: the source is pulled by a task of its own into a queue, so the time can pass while it
     * waits.
     */
    @Async
    public static <T> AsyncGenerator<List<T>> chunked(AsyncIterable<T> source, int size, double seconds) {
        Queue<Object> queue = new Queue<>(size);
        Task<Void> pump = createTask(pump(source, queue));
        try {
            List<T> chunk = new ArrayList<>(size);
            double deadline = 0;
            while (true) {
                Object item;
                if (chunk.isEmpty()) {
                    item = await(queue.get());
                } else {
                    double left = deadline - getRunningLoop().time();
                    try {
                        item = left > 0 ? await(waitFor(queue.get(), left)) : null;
                    } catch (TimeoutError e) {
                        item = null;
                    }
                    if (item == null) {
                        await(emit(chunk));
                        chunk = new ArrayList<>(size);
                        continue;
                    }
                }
                if (item instanceof End) {
                    if (!chunk.isEmpty()) {
                        await(emit(chunk));
                    }
                    Throwable failure = ((End) item).failure;
                    if (failure != null) {
                        throw AsyncSupport.<RuntimeException>sneaky(failure);
                    }
                    return AsyncGenerator.end();
                }
                if (chunk.isEmpty()) {
                    deadline = getRunningLoop().time() + seconds;
                }
                @SuppressWarnings("unchecked")
                T element = (T) item;
                chunk.add(element);
                if (chunk.size() == size) {
                    await(emit(chunk));
                    chunk = new ArrayList<>(size);
                }
            }
        } finally {
            pump.cancel();
        }
    }

    @Async
    private static <T> Coroutine<Void> pump(AsyncIterable<T> source, Queue<Object> queue) {
        Throwable failure = null;
        try {
            for (T x : aiter(source)) {
                await(queue.put(x));
            }
        } catch (Exception e) {
            failure = e;
        }
        await(queue.put(new End(failure)));
        return Coroutine.of(null);
    }

    /** {@code async for line in reader}: the reader's lines, each with its {@code \n}, until EOF. */
    @Async
    public static AsyncGenerator<byte[]> lines(StreamReader reader) {
        while (true) {
            byte[] line;
            try {
                line = await(reader.readline());
            } catch (IOException e) {
                throw AsyncSupport.<RuntimeException>sneaky(e); // reaches the consumer unchanged
            }
            if (line.length == 0) {
                return AsyncGenerator.end();
            }
            await(emit(line));
        }
    }

    /** A queue's items as they come, until it is shut down and empty ({@link QueueShutDown} ends the loop). */
    @Async
    public static <T> AsyncGenerator<T> items(Queue<T> queue) {
        while (true) {
            T item;
            try {
                item = await(queue.get());
            } catch (QueueShutDown e) {
                return AsyncGenerator.end();
            }
            await(emit(item));
        }
    }

    @Async
    public static <T> Coroutine<List<T>> toList(AsyncIterable<T> source) {
        List<T> all = new ArrayList<>();
        for (T x : aiter(source)) {
            all.add(x);
        }
        return Coroutine.of(all);
    }
}
