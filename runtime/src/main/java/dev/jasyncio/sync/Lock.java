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
 * asyncio's {@code Lock}: a mutual-exclusion lock for tasks, not owned by any of them.
 *
 * <p>Fair: waiters acquire in FIFO order, and a task calling {@link #acquire()} while others wait queues up behind
 * them even if the lock happens to be free at that moment (no barging). A waiter cancelled after being woken
 * passes the wake-up on to the next one. Use as {@code await(lock.acquire()); try { ... } finally {
 * lock.release(); }}.
 */
public class Lock implements AsyncCloseable {

    private ArrayDeque<Future<Boolean>> waiters;
    private boolean locked;
    private final LoopBinding binding = new LoopBinding();

    /** A new, unlocked lock; it binds to the loop that first waits on it. */
    public Lock() {
    }

    /** Whether the lock is held. */
    public boolean locked() {
        return locked;
    }

    /** Acquires the lock, waiting for it in FIFO order if it is held or others wait; produces true. */
    @Async
    public Coroutine<Boolean> acquire() {
        // Jumping the queue when every waiter is cancelled is only an optimisation, as in asyncio.
        if (!locked && allWaitersCancelled()) {
            locked = true;
            return Coroutine.of(true);
        }
        if (waiters == null) {
            waiters = new ArrayDeque<>();
        }
        Future<Boolean> fut = binding.loop(this).createFuture();
        waiters.add(fut);
        try {
            try {
                await(fut);
            } finally {
                waiters.remove(fut);
            }
        } catch (CancelledError e) {
            if (!locked) {
                // Keep the invariant: a free lock with waiters has its first waiter woken.
                wakeUpFirst();
            }
            throw e;
        }
        locked = true;
        return Coroutine.of(true);
    }

    /** Releases the lock and wakes the first waiter; {@link IllegalStateException} if it is not held. */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    private boolean allWaitersCancelled() {
        if (waiters != null) {
            for (Future<Boolean> w : waiters) {
                if (!w.cancelled()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Makes sure the first waiter will wake up; one already done is already set to wake. */
    private void wakeUpFirst() {
        if (waiters == null || waiters.isEmpty()) {
            return;
        }
        Future<Boolean> first = waiters.peekFirst();
        if (!first.done()) {
            first.setResult(true);
        }
    }

    /** {@code async with lock:} entry, awaited by {@code try (lock) { ... }} in an async body: acquires the lock. */
    @Override
    @SuppressWarnings("unchecked")
    public Coroutine<Void> aenter() {
        return (Coroutine<Void>) (Coroutine<?>) acquire();
    }

    /** {@code async with lock:} exit: releases the lock however the block ended; never suppresses a failure. */
    @Override
    public Coroutine<Boolean> aexit(Throwable failure) {
        release();
        return Coroutine.of(Boolean.FALSE);
    }

    @Override
    public String toString() {
        String extra = locked ? "locked" : "unlocked";
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Lock [" + extra + "]>";
    }
}
