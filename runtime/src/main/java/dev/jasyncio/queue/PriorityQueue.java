package dev.jasyncio.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;

/**
 * asyncio's {@code PriorityQueue}: a {@link Queue} that gives out the smallest item first, by natural order or a
 * {@link Comparator}. The heap is Python's {@code heapq}, step for step, so items that compare equal come out in
 * the same order as in CPython.
 *
 * @param <T> the items' type
 */
public class PriorityQueue<T> extends Queue<T> {

    private final ArrayList<T> heap = new ArrayList<>();
    private final Comparator<? super T> order;

    /** An unbounded queue in natural order (the items must be {@link Comparable}). */
    public PriorityQueue() {
        this(0);
    }

    /** A queue of at most {@code maxsize} items in natural order; zero or less means unbounded. */
    @SuppressWarnings("unchecked")
    public PriorityQueue(int maxsize) {
        this(maxsize, (Comparator<? super T>) Comparator.naturalOrder());
    }

    /** A queue of at most {@code maxsize} items, smallest by {@code order} first. */
    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        super(maxsize);
        this.order = Objects.requireNonNull(order, "order");
    }

    @Override
    protected void addItem(T item) {
        heap.add(item);
        siftDown(0, heap.size() - 1);
    }

    @Override
    protected T removeItem() {
        T last = heap.remove(heap.size() - 1);
        if (heap.isEmpty()) {
            return last;
        }
        T top = heap.get(0);
        heap.set(0, last);
        siftUp(0);
        return top;
    }

    @Override
    protected int itemCount() {
        return heap.size();
    }

    private boolean less(T a, T b) {
        return order.compare(a, b) < 0;
    }

    /** heapq's {@code _siftdown}: moves the item at {@code pos} up towards {@code start}. */
    private void siftDown(int start, int pos) {
        T item = heap.get(pos);
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            T parent = heap.get(parentPos);
            if (!less(item, parent)) {
                break;
            }
            heap.set(pos, parent);
            pos = parentPos;
        }
        heap.set(pos, item);
    }

    /** heapq's {@code _siftup}: bubbles the smaller child up to the leaves, then sifts the item back down. */
    private void siftUp(int pos) {
        int end = heap.size();
        int start = pos;
        T item = heap.get(pos);
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !less(heap.get(child), heap.get(right))) {
                child = right;
            }
            heap.set(pos, heap.get(child));
            pos = child;
            child = 2 * pos + 1;
        }
        heap.set(pos, item);
        siftDown(start, pos);
    }
}
