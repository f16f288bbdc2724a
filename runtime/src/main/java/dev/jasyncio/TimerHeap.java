package dev.jasyncio;

import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap by (deadline, sequence). Every entry knows its index, so cancelling removes
 * it at once in O(log n): cancelled timers never pile up and the next deadline is always a live one.
 */
final class TimerHeap {

    /**
     * Capacities are 2^k - 4, so that with 4-byte references and a 16-byte header the array is exactly 2^(k+2)
     * bytes: a large heap array then fills whole G1 regions instead of spilling a few bytes into another one
     * (a million timers: 4 MB, not 8).
     */
    private Timed[] heap = new Timed[12];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    Timed peek() {
        return heap[0];
    }

    void add(Timed t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, (heap.length + 4) * 2 - 4);
        }
        siftUp(size++, t);
    }

    Timed poll() {
        Timed top = heap[0];
        removeAt(0);
        return top;
    }

    /** Removes {@code t} if it is in the heap. */
    void remove(Timed t) {
        int i = t.heapIndex;
        if (i >= 0 && i < size && heap[i] == t) {
            removeAt(i);
        }
    }

    private void removeAt(int i) {
        Timed gone = heap[i];
        gone.heapIndex = -1;
        Timed last = heap[--size];
        heap[size] = null;
        if (i < size) {
            siftDown(i, last);
            if (heap[i] == last) {
                siftUp(i, last);
            }
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
        }
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    private void siftUp(int k, Timed t) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            Timed p = heap[parent];
            if (!t.before(p)) {
                break;
            }
            heap[k] = p;
            p.heapIndex = k;
            k = parent;
        }
        heap[k] = t;
        t.heapIndex = k;
    }

    private void siftDown(int k, Timed t) {
        int half = size >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            Timed c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(t)) {
                break;
            }
            heap[k] = c;
            c.heapIndex = k;
            k = child;
        }
        heap[k] = t;
        t.heapIndex = k;
    }
}
