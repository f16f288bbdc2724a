package dev.jasyncio.benchmarks.jasyncio;

import dev.jasyncio.AsyncGenerator;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;

import static dev.jasyncio.Asyncio.aiter;
import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.emit;

/**
 * W5: a stream of {@code n} small integers from a producer to a consumer that sums them, the producer suspending
 * only to hand each element over: an async generator read by {@code for (x : aiter(gen))}, and the same hand-off
 * written by hand with a task and a {@code Queue} of capacity 1.
 */
public final class StreamWorkloads {

    private StreamWorkloads() {
    }

    @Async
    static AsyncGenerator<Integer> numbers(int n) {
        for (int i = 0; i < n; i++) {
            await(emit(i & 63)); // boxed from the Integer cache: no allocation per element
        }
        return AsyncGenerator.end();
    }

    @Async
    static Coroutine<Integer> sumGenerated(int n) {
        int s = 0;
        for (int x : aiter(numbers(n))) {
            s += x;
        }
        return Coroutine.of(s);
    }

    /** W5, generator: the sum of {@code n} elements an async generator emits. */
    public static int w5Generator(int n) {
        return Asyncio.run(sumGenerated(n));
    }

    @Async
    static Coroutine<Void> produce(Queue<Integer> out, int n) {
        for (int i = 0; i < n; i++) {
            await(out.put(i & 63));
        }
        await(out.put(-1));
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Integer> sumQueued(int n) {
        Queue<Integer> q = new Queue<>(1);
        Task<Void> producer = createTask(produce(q, n));
        int s = 0;
        for (int x = await(q.get()); x >= 0; x = await(q.get())) {
            s += x;
        }
        await(producer);
        return Coroutine.of(s);
    }

    /** W5, queue: the same sum handed over by a producer task through a {@code Queue(1)}. */
    public static int w5Queue(int n) {
        return Asyncio.run(sumQueued(n));
    }
}
