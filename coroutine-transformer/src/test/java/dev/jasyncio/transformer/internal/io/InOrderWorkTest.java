package dev.jasyncio.transformer.internal.io;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InOrderWorkTest {

    @Test
    void resultsComeInTheListsOrderWhateverOrderTheyFinishIn() throws Exception {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = new ArrayList<>();
        try (InOrderWork<Integer, Integer> work = new InOrderWork<>(items, i -> {
            threads.add(Thread.currentThread().getName());
            sleep((40 - i) % 7); // later items often finish first
            return i * i;
        }, 3, 8)) {
            while (work.hasNext()) {
                results.add(work.next());
            }
        }
        assertEquals(items.stream().map(i -> i * i).toList(), results);
        assertFalse(threads.contains(Thread.currentThread().getName()), "the work ran on the workers");
    }

    @Test
    void anItemsExceptionComesOutForThatItemAfterTheResultsBeforeIt() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("item 3");
        try (InOrderWork<Integer, Integer> work = new InOrderWork<>(List.of(0, 1, 2, 3, 4), i -> {
            if (i == 3) {
                throw boom;
            }
            return i;
        }, 2, 4)) {
            assertEquals(0, work.next());
            assertEquals(1, work.next());
            assertEquals(2, work.next());
            assertSame(boom, assertThrows(IllegalArgumentException.class, work::next));
            assertEquals(4, work.next());
            assertFalse(work.hasNext());
            assertThrows(IllegalStateException.class, work::next);
        }
    }

    @Test
    void oneThreadWorksOnTheCallersThreadAsItAsks() throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (InOrderWork<Integer, String> work = new InOrderWork<>(List.of(1, 2, 3), i -> {
            done.incrementAndGet();
            return Thread.currentThread().getName();
        }, 1, 16)) {
            assertEquals(Thread.currentThread().getName(), work.next());
            assertEquals(1, done.get(), "nothing runs ahead without workers");
        }
    }

    @Test
    void theWorkersGetNoFurtherAheadThanTheWindow() throws Exception {
        AtomicInteger started = new AtomicInteger();
        try (InOrderWork<Integer, Integer> work = new InOrderWork<>(IntStream.range(0, 100).boxed().toList(), i -> {
            started.incrementAndGet();
            return i;
        }, 2, 5)) {
            assertEquals(0, work.next());
            sleep(50);
            assertTrue(started.get() <= 5, "started " + started.get() + " with a window of 5");
        }
    }

    @Test
    void closingStopsTheWorkUnderWayAndStartsNoMore() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch stopped = new CountDownLatch(2);
        AtomicInteger started = new AtomicInteger();
        InOrderWork<Integer, Integer> work = new InOrderWork<>(IntStream.range(0, 100).boxed().toList(), i -> {
            if (i == 0) {
                return 0;
            }
            started.incrementAndGet();
            running.countDown();
            try {
                Thread.sleep(60_000); // stands for a class that takes long
            } catch (InterruptedException e) {
                stopped.countDown();
            }
            return i;
        }, 2, 5);
        assertEquals(0, work.next());
        assertTrue(running.await(10, TimeUnit.SECONDS), "two workers busy");
        work.close();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "both were interrupted");
        sleep(50);
        assertEquals(2, started.get(), "nothing started after close");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
