package dev.jasyncio.queue;

import java.util.ArrayList;

/**
 * asyncio's {@code LifoQueue}: a {@link Queue} that gives out the most recently added item first.
 *
 * @param <T> the items' type
 */
public class LifoQueue<T> extends Queue<T> {

    private final ArrayList<T> stack = new ArrayList<>();

    /** An unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /** A LIFO queue of at most {@code maxsize} items; zero or less means unbounded. */
    public LifoQueue(int maxsize) {
        super(maxsize);
    }

    @Override
    protected void addItem(T item) {
        stack.add(item);
    }

    @Override
    protected T removeItem() {
        return stack.remove(stack.size() - 1);
    }

    @Override
    protected int itemCount() {
        return stack.size();
    }
}
