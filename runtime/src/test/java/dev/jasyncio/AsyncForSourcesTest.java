package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;
import dev.jasyncio.streams.StreamReader;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.aiter;
import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Py.repr;

/** The runtime's async iterables: a {@link StreamReader}'s lines and a {@link Queue} until it is shut down. */
class AsyncForSourcesTest extends TestBase {

    @Async
    Coroutine<Void> producer(Queue<Integer> q) {
        for (int i = 0; i < 3; i++) {
            await(q.put(i));
            await(sleep(0.01));
        }
        q.shutdown();
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> main() {
        StreamReader reader = new StreamReader();
        reader.feedData("alpha\nbeta\n".getBytes(StandardCharsets.US_ASCII));
        reader.feedData("gam".getBytes(StandardCharsets.US_ASCII));
        reader.feedData("ma\ndelta".getBytes(StandardCharsets.US_ASCII));
        reader.feedEof();
        for (byte[] line : aiter(reader)) {
            say(repr(line));
        }
        Queue<Integer> q = new Queue<>();
        Task<Void> task = createTask(producer(q));
        List<Integer> got = new ArrayList<>();
        for (int item : aiter(q)) {
            got.add(item);
        }
        await(task);
        say("queue items", got);
        return Coroutine.of(null);
    }

    /** cpython/async_for_reader.py */
    @Test
    void aReadersLinesAndAQueueUntilShutDown() {
        run(main());
        assertOutput("async_for_reader");
    }
}
