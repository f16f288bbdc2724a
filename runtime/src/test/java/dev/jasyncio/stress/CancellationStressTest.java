package dev.jasyncio.stress;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;
import dev.jasyncio.sync.BoundedSemaphore;
import dev.jasyncio.sync.Lock;
import dev.jasyncio.sync.Semaphore;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queues, semaphores and locks under random cancellation: producers, consumers and holders are cancelled at random
 * points of their waits, and the books must balance exactly afterwards (every item put is got once, every permit
 * is back). Seeded and on virtual time, so a failing seed replays the same schedule.
 */
@Timeout(60)
class CancellationStressTest {

    /** Cancels a random pending task of {@code tasks} after each random pause, {@code rounds} times. */
    @Async
    private static Coroutine<Integer> chaos(List<? extends Task<?>> tasks, Random random, int rounds) {
        int cancelled = 0;
        for (int i = 0; i < rounds; i++) {
            await(sleep(random.nextDouble() * 0.002));
            Task<?> victim = tasks.get(random.nextInt(tasks.size()));
            if (!victim.done() && victim.cancel()) {
                cancelled++;
            }
        }
        return Coroutine.of(cancelled);
    }

    /** A pause of up to a millisecond, one time in {@code oneIn}; else none at all. */
    @Async
    private static Coroutine<Void> maybePause(Random random, int oneIn) {
        if (random.nextInt(oneIn) == 0) {
            await(sleep(random.nextDouble() * 0.001));
        }
        return Coroutine.of(null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Queue: items put = items got

    private static final class Books {
        final List<Integer> put = new ArrayList<>();
        final List<Integer> got = new ArrayList<>();
        int next;
    }

    @Async
    private static Coroutine<Void> producer(Queue<Integer> q, Books books, Random random, int items) {
        for (int i = 0; i < items; i++) {
            int item = books.next++;
            await(q.put(item));
            books.put.add(item); // no await since the put: a cancellation cannot come in between
            await(maybePause(random, 3));
        }
        return Coroutine.of(null);
    }

    @Async
    private static Coroutine<Void> consumer(Queue<Integer> q, Books books, Random random) {
        while (true) {
            Integer item = await(q.get());
            books.got.add(item);
            q.taskDone();
            await(maybePause(random, 3));
        }
    }

    @Async
    private static Coroutine<Integer> queueRun(long seed, int maxsize) {
        Random random = new Random(seed);
        Queue<Integer> q = new Queue<>(maxsize);
        Books books = new Books();
        List<Task<Void>> producers = new ArrayList<>();
        List<Task<Void>> consumers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            producers.add(createTask(producer(q, books, new Random(random.nextLong()), 50)));
        }
        for (int i = 0; i < 12; i++) {
            consumers.add(createTask(consumer(q, books, new Random(random.nextLong()))));
        }
        List<Task<?>> all = new ArrayList<>(producers);
        all.addAll(consumers);
        int cancelled = await(chaos(all, random, 60));
        await(gather(producers, true));
        // Consumers left: let them take what is there, then stop them where they wait.
        for (Task<Void> c : consumers) {
            c.cancel();
        }
        await(gather(consumers, true));
        while (!q.empty()) {
            books.got.add(q.getNowait());
        }
        assertEquals(books.put.size(), books.got.size(), "items put and got differ, seed " + seed);
        assertEquals(new TreeSet<>(books.put), new TreeSet<>(books.got), "items lost or duplicated, seed " + seed);
        return Coroutine.of(cancelled);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aQueueUnderRandomCancellationLosesNoItem(long seed) {
        int cancelled = Asyncio.run(queueRun(seed, (int) (seed % 4)), EventLoop::withVirtualTime);
        assertTrue(cancelled > 0, "the chaos cancelled nothing, seed " + seed);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Semaphore, BoundedSemaphore, Lock: every permit back

    private static final class Holders {
        int now;
        int max;
        int entries;
    }

    @Async
    private static Coroutine<Void> holder(Semaphore sem, Holders h, Random random, int times) {
        for (int i = 0; i < times; i++) {
            await(sem.acquire());
            try {
                h.now++;
                h.entries++;
                h.max = Math.max(h.max, h.now);
                await(maybePause(random, 2));
            } finally {
                h.now--;
                sem.release();
            }
            await(maybePause(random, 4));
        }
        return Coroutine.of(null);
    }

    @Async
    private static Coroutine<Void> lockHolder(Lock lock, Holders h, Random random, int times) {
        for (int i = 0; i < times; i++) {
            await(lock.acquire());
            try {
                h.now++;
                h.entries++;
                h.max = Math.max(h.max, h.now);
                await(maybePause(random, 2));
            } finally {
                h.now--;
                lock.release();
            }
        }
        return Coroutine.of(null);
    }

    @Async
    private static Coroutine<Holders> semaphoreRun(Semaphore sem, long seed) {
        Random random = new Random(seed);
        Holders h = new Holders();
        List<Task<Void>> holders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            holders.add(createTask(holder(sem, h, new Random(random.nextLong()), 20)));
        }
        int cancelled = await(chaos(holders, random, 40));
        assertTrue(cancelled > 0, "the chaos cancelled nothing, seed " + seed);
        await(gather(holders, true));
        return Coroutine.of(h);
    }

    /** Takes every permit of {@code sem} without waiting, then checks there is no other. */
    @Async
    private static Coroutine<Void> allPermitsBack(Semaphore sem, int permits) {
        for (int i = 0; i < permits; i++) {
            assertFalse(sem.locked(), "permit " + (i + 1) + " of " + permits + " is missing");
            await(sem.acquire());
        }
        assertTrue(sem.locked(), "more permits than " + permits);
        for (int i = 0; i < permits; i++) {
            sem.release();
        }
        return Coroutine.of(null);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aSemaphoreUnderRandomCancellationGetsEveryPermitBack(long seed) {
        int permits = 1 + (int) (seed % 3);
        Semaphore sem = new Semaphore(permits);
        Asyncio.run(checkedSemaphoreRun(sem, seed, permits), EventLoop::withVirtualTime);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aBoundedSemaphoreUnderRandomCancellationGetsEveryPermitBackAndNoMore(long seed) {
        int permits = 1 + (int) (seed % 3);
        BoundedSemaphore sem = new BoundedSemaphore(permits);
        Asyncio.run(checkedSemaphoreRun(sem, seed, permits), EventLoop::withVirtualTime);
        // One more release than acquires would be a permit too many: refused.
        assertThrows(IllegalStateException.class, sem::release);
    }

    @Async
    private static Coroutine<Void> checkedSemaphoreRun(Semaphore sem, long seed, int permits) {
        Holders h = await(semaphoreRun(sem, seed));
        assertEquals(0, h.now, "seed " + seed);
        assertTrue(h.max <= permits, "more holders than permits, seed " + seed + ": " + h.max);
        assertTrue(h.entries > 0, "seed " + seed);
        await(allPermitsBack(sem, permits));
        return Coroutine.of(null);
    }

    @Async
    private static Coroutine<Holders> lockRun(Lock lock, long seed) {
        Random random = new Random(seed);
        Holders h = new Holders();
        List<Task<Void>> holders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            holders.add(createTask(lockHolder(lock, h, new Random(random.nextLong()), 20)));
        }
        int cancelled = await(chaos(holders, random, 40));
        assertTrue(cancelled > 0, "the chaos cancelled nothing, seed " + seed);
        await(gather(holders, true));
        assertFalse(lock.locked(), "the lock is still held, seed " + seed);
        // Free, and nobody waiting: taken at once.
        await(lock.acquire());
        lock.release();
        return Coroutine.of(h);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aLockUnderRandomCancellationIsReleasedAndNeverHeldTwice(long seed) {
        Lock lock = new Lock();
        Holders h = Asyncio.run(lockRun(lock, seed), EventLoop::withVirtualTime);
        assertEquals(0, h.now);
        assertEquals(1, h.max, "seed " + seed);
        assertFalse(lock.locked());
    }
}
