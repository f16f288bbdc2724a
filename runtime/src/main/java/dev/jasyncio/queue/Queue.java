package dev.jasyncio.queue;

import dev.jasyncio.AsyncIterable;
import dev.jasyncio.AsyncIterator;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.QueueEmpty;
import dev.jasyncio.QueueFull;
import dev.jasyncio.QueueShutDown;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.LoopBinding;
import dev.jasyncio.internal.Operators;
import dev.jasyncio.sync.Event;

import java.util.ArrayDeque;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code Queue}: FIFO, for producer and consumer tasks. With a {@code maxsize} above zero,
 * {@link #put(Object)} waits while the queue is full; {@link #get()} waits while it is empty. Waiting producers
 * and consumers are served in FIFO order; a consumer cancelled after an item was meant for it passes the wake-up
 * on, so no item is lost. {@link #taskDone()} and {@link #join()} track the processing of items;
 * {@link #shutdown(boolean)} ends the queue's life (Python 3.13). Null items are allowed.
 *
 * <p>Subclasses change the order by overriding {@link #addItem}, {@link #removeItem} and {@link #itemCount}
 * ({@link LifoQueue}, {@link PriorityQueue}).
 *
 * @param <T> the items' type
 */
public class Queue<T> implements AsyncIterable<T> {

    /** Stands for a null item in the deque, which refuses nulls. */
    private static final Object NULL = new Object();

    private final int maxsize;
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> putters = new ArrayDeque<>();
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private int unfinishedTasks;
    private final Event finished = new Event();
    private boolean isShutdown;
    private final LoopBinding binding = new LoopBinding();

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; zero or less means unbounded. */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
        finished.set();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Storage: what subclasses change

    /** Stores {@code item}. */
    protected void addItem(T item) {
        items.addLast(item == null ? NULL : item);
    }

    /** Takes the next item out; only called when {@link #itemCount()} is above zero. */
    @SuppressWarnings("unchecked")
    protected T removeItem() {
        Object o = items.pollFirst();
        return o == NULL ? null : (T) o;
    }

    /** How many items are stored. */
    protected int itemCount() {
        return items.size();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Number of items in the queue. */
    public int qsize() {
        return itemCount();
    }

    /** The most items the queue holds; zero or less means unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /** Whether the queue holds no item. */
    public boolean empty() {
        return itemCount() == 0;
    }

    /** Whether the queue holds {@code maxsize} items; never for an unbounded queue. */
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /**
     * The items as they are taken, until the queue is shut down and empty: {@code for (T item : aiter(queue))} in
     * an async body is a consumer loop that ends with the queue's life. Each element is a {@link #get()}.
     */
    @Override
    public AsyncIterator<T> asyncIterator() {
        return Operators.items(this).asyncIterator();
    }

    /** Puts {@code item} in, waiting for a free slot while the queue is full; {@link QueueShutDown} after shutdown. */
    @Async
    public Coroutine<Void> put(T item) {
        while (full()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            Future<Void> putter = binding.loop(this).createFuture();
            putters.addLast(putter);
            try {
                await(putter);
            } catch (Throwable t) {
                abandon(putter, putters, !full());
                throw t;
            }
        }
        putNowait(item);
        return Coroutine.of(null);
    }

    /**
     * Puts {@code item} in at once: {@link QueueFull} if there is no free slot, {@link QueueShutDown} after
     * shutdown. Wakes the first waiting consumer.
     */
    public void putNowait(T item) {
        if (isShutdown) {
            throw new QueueShutDown();
        }
        if (full()) {
            throw new QueueFull();
        }
        addItem(item);
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    /**
     * Takes an item out, waiting while the queue is empty; {@link QueueShutDown} once the queue is shut down and
     * empty (at once after {@code shutdown(true)}).
     */
    @Async
    public Coroutine<T> get() {
        while (empty()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            Future<Void> getter = binding.loop(this).createFuture();
            getters.addLast(getter);
            try {
                await(getter);
            } catch (Throwable t) {
                abandon(getter, getters, !empty());
                throw t;
            }
        }
        return Coroutine.of(getNowait());
    }

    /** Takes an item out at once: {@link QueueEmpty} if there is none ({@link QueueShutDown} if shut down). */
    public T getNowait() {
        if (empty()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            throw new QueueEmpty();
        }
        T item = removeItem();
        wakeUpNext(putters);
        return item;
    }

    /**
     * Marks one item taken out as processed; when all are, {@link #join()} returns.
     * {@link IllegalStateException} if called more times than items were put in.
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("task_done() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** Waits until every item put in has been taken out and marked with {@link #taskDone()}. */
    @Async
    public Coroutine<Void> join() {
        if (unfinishedTasks > 0) {
            await(finished.await());
        }
        return Coroutine.of(null);
    }

    /** {@code shutdown(false)}: puts fail from now on; gets fail once the queue is empty. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: {@code put} and {@code putNowait} raise {@link QueueShutDown}, and so do
     * {@code get} and {@code getNowait} once the queue is empty. With {@code immediate}, the items left are
     * dropped (each counted as done, which may release {@link #join()}), so gets fail at once. Every blocked
     * producer and consumer wakes up to see it.
     */
    public void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!empty()) {
                removeItem();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        releaseAll(getters);
        releaseAll(putters);
    }

    private static void releaseAll(ArrayDeque<Future<Void>> waiters) {
        Future<Void> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    /** Wakes the first waiter that is not cancelled. */
    private static void wakeUpNext(ArrayDeque<Future<Void>> waiters) {
        Future<Void> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.done()) {
                w.setResult(null);
                break;
            }
        }
    }

    /** asyncio's {@code <Queue maxsize=0 tasks=1>}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (!getters.isEmpty()) {
            s.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            s.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            s.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            s.append(" shutdown");
        }
        return s.append('>').toString();
    }

    /** After a failed or cancelled wait: drop the waiter; if it was woken for nothing, wake the next one. */
    private void abandon(Future<Void> waiter, ArrayDeque<Future<Void>> waiters, boolean canProceed) {
        waiter.cancel(); // in case it is not done yet
        waiters.remove(waiter); // it may be gone already, taken by a wake-up or a shutdown
        if (canProceed && !waiter.cancelled()) {
            // We were woken up but will not take the slot or the item: pass it on.
            wakeUpNext(waiters);
        }
    }
}
