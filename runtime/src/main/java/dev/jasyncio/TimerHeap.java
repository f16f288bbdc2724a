package dev.jasyncio;

import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap by (deadline, sequence). Cancelled timers stay in place until they reach
 * the top or, as in asyncio, until they are most of the heap, when it is rebuilt without them: cancelling is
 * O(1) and they never pile up.
 */
final class TimerHeap {

    private static final int MIN_SIZE_TO_COMPACT = 100;

    private TimerHandle[] heap = new TimerHandle[16];
    private int size;
    private int cancelled;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    TimerHandle peek() {
        return heap[0];
    }

    void add(TimerHandle h) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        h.scheduled = true;
        siftUp(size++, h);
    }

    TimerHandle poll() {
        TimerHandle top = heap[0];
        TimerHandle last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
        top.scheduled = false;
        if (top.cancelled) {
            cancelled--;
        }
        return top;
    }

    /** A scheduled timer was cancelled; compacts when cancelled ones are over half of a large heap. */
    void noteCancelled() {
        cancelled++;
        if (size > MIN_SIZE_TO_COMPACT && cancelled * 2 > size) {
            compact();
        }
    }

    /** Drops cancelled timers from the top, so the next deadline is a live one. */
    void dropCancelledHead() {
        while (size > 0 && heap[0].cancelled) {
            poll();
        }
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            TimerHandle h = heap[i];
            if (h.cancelled) {
                h.scheduled = false;
            } else {
                heap[kept++] = h;
            }
        }
        Arrays.fill(heap, kept, size, null);
        size = kept;
        cancelled = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].scheduled = false;
        }
        Arrays.fill(heap, 0, size, null);
        size = 0;
        cancelled = 0;
    }

    private void siftUp(int k, TimerHandle h) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            TimerHandle p = heap[parent];
            if (!h.before(p)) {
                break;
            }
            heap[k] = p;
            k = parent;
        }
        heap[k] = h;
    }

    private void siftDown(int k, TimerHandle h) {
        int half = size >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            TimerHandle c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(h)) {
                break;
            }
            heap[k] = c;
            k = child;
        }
        heap[k] = h;
    }
}
