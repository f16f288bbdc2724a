package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * A producer fills a bounded queue, a consumer drains it; the main coroutine waits for the producer and the
 * queue, then cancels the consumer, which loops forever.
 *
 * <p>Seed 003, "Practical Pattern: Producer-Consumer" (the seed's snippet, with the {@code asyncio.run(main())}
 * it leaves out).
 */
public final class ProducerConsumer {

    private ProducerConsumer() {
    }

    @Async
    static Coroutine<Void> producer(Queue<String> queue, String name, int count) {
        for (int i = 0; i < count; i++) {
            String item = name + "-item-" + i;
            await(queue.put(item));
            await(sleep(0.1));
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> consumer(Queue<String> queue, String name) {
        while (true) {
            String item = await(queue.get());
            System.out.println(name + " processed: " + item);
            await(sleep(0.05));
            queue.taskDone();
        }
    }

    @Async
    static Coroutine<Void> main() {
        Queue<String> queue = new Queue<>(5);

        List<Task<Void>> producers = List.of(createTask(producer(queue, "P1", 5)));
        List<Task<Void>> consumers = List.of(createTask(consumer(queue, "C1")));

        await(gather(producers)); // Wait for producers to finish
        await(queue.join());      // Wait for all items to be processed
        for (Task<Void> c : consumers) {
            c.cancel();           // Cancel consumers (they loop forever)
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
