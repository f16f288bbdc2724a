package dev.jasyncio.sync;

import dev.jasyncio.AsyncCloseable;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.LoopBinding;

import java.util.ArrayDeque;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code Semaphore}: a counter of permits. {@link #acquire()} takes one, waiting while there are none;
 * {@link #release()} gives one back and wakes the first waiter.
 *
 * <p>Fair: waiters get permits in FIFO order, and a task arriving while others wait queues up behind them even if
 * a permit is free. A waiter cancelled after it was handed a permit gives it back.
 */
public class Semaphore implements AsyncCloseable {

    private ArrayDeque<Future<Boolean>> waiters;
    int value;
    private final LoopBinding binding = new LoopBinding();

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /** A semaphore with {@code value} permits; {@link IllegalArgumentException} if negative. */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /** Whether {@link #acquire()} would wait: no permit, or others waiting first. */
    public boolean locked() {
        if (value == 0) {
            return true;
        }
        if (waiters != null) {
            for (Future<Boolean> w : waiters) {
                if (!w.cancelled()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Takes a permit, waiting in FIFO order if none is free; produces true. */
    @Async
    public Coroutine<Boolean> acquire() {
        if (!locked()) {
            // FIFO: only when nobody waits, even if a permit is free.
            value--;
            return Coroutine.of(true);
        }
        if (waiters == null) {
            waiters = new ArrayDeque<>();
        }
        Future<Boolean> fut = binding.loop(this).createFuture();
        waiters.add(fut);
        try {
            try {
                try {
                    await(fut);
                } finally {
                    waiters.remove(fut);
                }
            } catch (CancelledError e) {
                if (fut.done() && !fut.cancelled()) {
                    // We were handed a permit but will not take it: give it back.
                    value++;
                }
                throw e;
            }
        } finally {
            // Waiters that arrived meanwhile had to queue (FIFO): wake as many as permits allow.
            while (value > 0 && wakeUpNext()) {
                // each iteration hands out one permit
            }
        }
        return Coroutine.of(true);
    }

    /** Gives a permit back and wakes the first waiter. */
    public void release() {
        value++;
        wakeUpNext();
    }

    /** Hands a permit to the first waiter not woken yet; false if there is none. */
    private boolean wakeUpNext() {
        if (waiters == null) {
            return false;
        }
        for (Future<Boolean> fut : waiters) {
            if (!fut.done()) {
                value--;
                fut.setResult(true);
                return true;
            }
        }
        return false;
    }

    /** {@code async with semaphore:} entry, awaited by {@code try (semaphore) { ... }} in an async body: acquires the semaphore. */
    @Override
    @SuppressWarnings("unchecked")
    public Coroutine<Void> aenter() {
        return (Coroutine<Void>) (Coroutine<?>) acquire();
    }

    /** {@code async with semaphore:} exit: releases the semaphore however the block ended; never suppresses a failure. */
    @Override
    public Coroutine<Boolean> aexit(Throwable failure) {
        release();
        return Coroutine.of(Boolean.FALSE);
    }

    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked, value:" + value;
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getClass().getSimpleName() + " [" + extra + "]>";
    }
}
