package dev.jasyncio.sync;

import dev.jasyncio.AsyncCloseable;
import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.LoopBinding;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * asyncio's {@code Condition}: tasks holding its lock wait to be signalled. Python's {@code wait()},
 * {@code notify(n)} and {@code notify_all()} are {@link #await()}, {@link #signal(int)} and {@link #signalAll()}
 * here ({@code Object.wait} and {@code Object.notify} are final), the names of
 * {@link java.util.concurrent.locks.Condition}.
 *
 * <p>A waiter re-acquires the lock before {@link #await()} returns, even when cancelled; a waiter that was
 * signalled but fails or is cancelled on the way out passes the signal to another waiter (a spurious wake-up,
 * which the protocol allows: re-check the state, or use {@link #waitFor(BooleanSupplier)}).
 */
public class Condition implements AsyncCloseable {

    private final Lock lock;
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    private final LoopBinding binding = new LoopBinding();

    /** A condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** A condition over {@code lock}, which several conditions may share. */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** Whether the underlying lock is held. */
    public boolean locked() {
        return lock.locked();
    }

    /** Acquires the underlying lock. */
    public Coroutine<Boolean> acquire() {
        return lock.acquire();
    }

    /** Releases the underlying lock. */
    public void release() {
        lock.release();
    }

    /**
     * Releases the lock, waits to be signalled, re-acquires the lock; produces true. The lock must be held:
     * {@link IllegalStateException} otherwise.
     */
    @Async
    public Coroutine<Boolean> await() {
        if (!locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        Future<Boolean> fut = binding.loop(this).createFuture();
        release();
        try {
            try {
                waiters.add(fut);
                try {
                    // Qualified: this class's own await() hides the static import.
                    Asyncio.await(fut);
                } finally {
                    waiters.remove(fut);
                }
            } finally {
                // Must re-acquire the lock even if cancelled meanwhile: retry, and raise the latest cancellation.
                // Only a cancellation is retried, so that no other failure can make this spin.
                CancelledError cancelled = null;
                while (true) {
                    try {
                        Asyncio.await(lock.acquire());
                        break;
                    } catch (CancelledError e) {
                        cancelled = e;
                    }
                }
                if (cancelled != null) {
                    throw cancelled;
                }
            }
        } catch (Throwable t) {
            // We may have been signalled before failing: pass the signal on (a spurious wake-up, which the
            // protocol allows).
            wake(1);
            throw t;
        }
        return Coroutine.of(true);
    }

    /** Waits ({@link #await()}, repeatedly) until {@code predicate} is true, checking it first; produces true. */
    public Coroutine<Boolean> waitFor(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return waitUntil(predicate);
    }

    @Async
    private Coroutine<Boolean> waitUntil(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            Asyncio.await(this.await());
        }
        return Coroutine.of(true);
    }

    /** Wakes one waiting task; the lock must be held. */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiting tasks, the longest-waiting first; the lock must be held. */
    public void signal(int n) {
        if (!locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /** Wakes every waiting task; the lock must be held. */
    public void signalAll() {
        signal(waiters.size());
    }

    private void wake(int n) {
        int woken = 0;
        for (Future<Boolean> fut : waiters) {
            if (woken >= n) {
                break;
            }
            if (!fut.done()) {
                woken++;
                fut.setResult(false);
            }
        }
    }

    /** {@code async with condition:} entry, awaited by {@code try (condition) { ... }} in an async body: acquires the underlying lock. */
    @Override
    @SuppressWarnings("unchecked")
    public Coroutine<Void> aenter() {
        return (Coroutine<Void>) (Coroutine<?>) acquire();
    }

    /** {@code async with condition:} exit: releases the underlying lock however the block ended; never suppresses a failure. */
    @Override
    public Coroutine<Boolean> aexit(Throwable failure) {
        release();
        return Coroutine.of(Boolean.FALSE);
    }

    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Condition [" + extra + "]>";
    }
}
