package dev.jasyncio.samples.seed000;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Two producers fill a queue, three consumers drain it (each gives up after 2 s without an item); the main
 * coroutine waits for the producers, then for the queue to be processed, then cancels the consumers.
 *
 * <p>Seed 000, "Паттерн: Producer-Consumer". The seed's {@code random.uniform} delays are replaced, here and in
 * the Python reference, by {@link #uniform} over the same fixed fractions, so every run prints the same lines.
 */
public final class ProducerConsumer {

    /** The fractions {@link #uniform} steps through, as in the Python reference. */
    private static final double[] FRACTIONS = {0.95, 0.75, 0.95, 0.1, 0.05, 0.4, 0.75, 0.5, 0.8, 0.8};
    private static int calls;

    private ProducerConsumer() {
    }

    /** Deterministic stand-in for {@code random.uniform(a, b)}: the next fixed fraction of the range. */
    static double uniform(double a, double b) {
        double fraction = FRACTIONS[calls % FRACTIONS.length];
        calls++;
        return a + (b - a) * fraction;
    }

    /** Производитель: добавляет элементы в очередь. */
    @Async
    static Coroutine<Void> producer(Queue<String> queue, String name) {
        for (int i = 0; i < 5; i++) {
            String item = name + "-item-" + i;
            await(queue.put(item));
            System.out.println("Producer " + name + ": добавил " + item);
            await(sleep(uniform(0.1, 0.5)));
        }
        return Coroutine.of(null);
    }

    /** Потребитель: обрабатывает элементы из очереди. */
    @Async
    static Coroutine<Void> consumer(Queue<String> queue, String name) {
        while (true) {
            try {
                String item = await(waitFor(queue.get(), 2.0));
                System.out.println("Consumer " + name + ": обрабатывает " + item);
                await(sleep(uniform(0.1, 0.3)));
                queue.taskDone();
            } catch (TimeoutError e) {
                System.out.println("Consumer " + name + ": очередь пуста, завершаюсь");
                break;
            }
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        Queue<String> queue = new Queue<>();

        // Запускаем производителей и потребителей
        List<Task<Void>> producers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            producers.add(createTask(producer(queue, "P" + i)));
        }
        List<Task<Void>> consumers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            consumers.add(createTask(consumer(queue, "C" + i)));
        }

        // Ждём завершения производителей
        await(gather(producers));

        // Ждём обработки всех элементов
        await(queue.join());

        // Отменяем потребителей
        for (Task<Void> c : consumers) {
            c.cancel();
        }
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        calls = 0;
        Asyncio.run(main());
    }
}
