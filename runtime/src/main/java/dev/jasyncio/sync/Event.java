package dev.jasyncio.sync;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.LoopBinding;

import java.util.ArrayDeque;

/**
 * asyncio's {@code Event}: a flag tasks can wait for. {@link #set()} wakes every waiting task; while the flag is
 * set, {@link #await()} returns at once. Python's {@code wait()} is {@code await()} here, because
 * {@code Object.wait} is final.
 */
public class Event {

    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    private boolean value;
    private final LoopBinding binding = new LoopBinding();

    /** A new event, not set; it binds to the loop that first waits on it. */
    public Event() {
    }

    /** Whether the flag is set (asyncio's {@code is_set}). */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes all waiting tasks. */
    public void set() {
        if (!value) {
            value = true;
            for (Future<Boolean> fut : waiters) {
                if (!fut.done()) {
                    fut.setResult(true);
                }
            }
        }
    }

    /** Clears the flag: later {@link #await()} calls wait again. */
    public void clear() {
        value = false;
    }

    /** Waits until the flag is set; produces true. */
    @Async
    public Coroutine<Boolean> await() {
        if (value) {
            return Coroutine.of(true);
        }
        Future<Boolean> fut = binding.loop(this).createFuture();
        waiters.add(fut);
        try {
            // Qualified: this class's own await() hides the static import.
            Asyncio.await(fut);
            return Coroutine.of(true);
        } finally {
            waiters.remove(fut);
        }
    }

    @Override
    public String toString() {
        String extra = value ? "set" : "unset";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Event [" + extra + "]>";
    }
}
