package dev.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TimerHeap}: timers leave in (deadline, sequence) order, whatever order they came in and whichever were
 * removed on the way, and each knows its place while in the heap and -1 once out of it.
 */
class TimerHeapTest {

    /** A timer with nothing else: the heap sees only {@code when}, {@code sequence} and {@code heapIndex}. */
    private static final class Entry extends Timed {
        final String name;

        Entry(String name, double when, int sequence) {
            this.name = name;
            this.when = when;
            this.sequence = sequence;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void timersLeaveByDeadlineThenBySchedulingOrder() {
        TimerHeap heap = new TimerHeap();
        heap.add(new Entry("c", 2.0, 3));
        heap.add(new Entry("a", 1.0, 5));
        heap.add(new Entry("b", 2.0, 1));
        heap.add(new Entry("d", 2.5, 0));

        assertEquals(4, heap.size());
        assertEquals("a", heap.peek().toString());
        assertEquals(List.of("a", "b", "c", "d"), drain(heap));
        assertTrue(heap.isEmpty());
        assertNull(heap.peek());
    }

    @Test
    void theSequenceComparesWithWrapAroundSoATimerScheduledAfterTheOverflowStaysLater() {
        TimerHeap heap = new TimerHeap();
        heap.add(new Entry("after the overflow", 1.0, Integer.MIN_VALUE));
        heap.add(new Entry("before the overflow", 1.0, Integer.MAX_VALUE));

        assertEquals(List.of("before the overflow", "after the overflow"), drain(heap));
    }

    @Test
    void aRemovedTimerLeavesAtOnceAndTheRestKeepTheirOrder() {
        TimerHeap heap = new TimerHeap();
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Entry e = new Entry("t" + i, (i * 7) % 20, i);
            all.add(e);
            heap.add(e);
        }
        Entry middle = all.get(9);
        Entry first = all.get(0);

        heap.remove(middle);
        heap.remove(first);

        assertEquals(-1, middle.heapIndex, "out of the heap");
        assertEquals(-1, first.heapIndex);
        assertEquals(18, heap.size());
        all.remove(middle);
        all.remove(first);
        all.sort(Comparator.comparingDouble((Entry e) -> e.when).thenComparingInt(e -> e.sequence));
        assertEquals(all.stream().map(Object::toString).toList(), drain(heap));
    }

    @Test
    void removingATimerThatIsNotThereChangesNothing() {
        TimerHeap heap = new TimerHeap();
        TimerHeap other = new TimerHeap();
        Entry here = new Entry("here", 1.0, 0);
        Entry elsewhere = new Entry("elsewhere", 0.5, 1);
        Entry never = new Entry("never added", 0.1, 2);
        heap.add(here);
        other.add(elsewhere);

        heap.remove(elsewhere); // its index, 0, is a valid place in this heap, but the place holds another timer
        heap.remove(never);
        assertEquals(1, heap.size());
        assertSame(here, heap.peek());
        assertEquals(0, here.heapIndex);
        heap.remove(here);
        heap.remove(here); // a second time: already gone

        assertTrue(heap.isEmpty());
        assertEquals(0, elsewhere.heapIndex, "still in its own heap");
        assertSame(elsewhere, other.peek());
    }

    @Test
    void everyTimerKnowsItsPlaceAcrossGrowthAndRandomRemovals() {
        Random random = new Random(42);
        TimerHeap heap = new TimerHeap();
        List<Entry> live = new ArrayList<>();
        int sequence = 0;
        for (int round = 0; round < 2_000; round++) {
            if (live.isEmpty() || random.nextInt(3) > 0) {
                Entry e = new Entry("t" + sequence, random.nextInt(100), sequence++);
                heap.add(e);
                live.add(e);
            } else {
                Entry gone = live.remove(random.nextInt(live.size()));
                heap.remove(gone);
                assertEquals(-1, gone.heapIndex);
            }
            assertEquals(live.size(), heap.size());
        }
        assertTrue(live.size() > 12, "the heap grew past its first capacity: " + live.size());
        for (Entry e : live) {
            assertTrue(e.heapIndex >= 0 && e.heapIndex < heap.size(), e + " at " + e.heapIndex);
        }
        live.sort(Comparator.comparingDouble((Entry e) -> e.when).thenComparingInt(e -> e.sequence));
        assertEquals(live.stream().map(Object::toString).toList(), drain(heap));
        for (Entry e : live) {
            assertEquals(-1, e.heapIndex, "polled: out of the heap");
        }
    }

    @Test
    void clearEmptiesTheHeapAndMarksEveryTimerOut() {
        TimerHeap heap = new TimerHeap();
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Entry e = new Entry("t" + i, 30 - i, i);
            all.add(e);
            heap.add(e);
        }

        heap.clear();

        assertTrue(heap.isEmpty());
        assertNull(heap.peek());
        for (Entry e : all) {
            assertEquals(-1, e.heapIndex);
        }
        heap.add(all.get(3));
        assertEquals(List.of("t3"), drain(heap), "usable again");
    }

    private static List<String> drain(TimerHeap heap) {
        List<String> order = new ArrayList<>();
        while (!heap.isEmpty()) {
            order.add(heap.poll().toString());
        }
        return order;
    }
}
