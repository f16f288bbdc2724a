package dev.jasyncio.sync;

import dev.jasyncio.Asyncio;
import dev.jasyncio.BrokenBarrierError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

/**
 * asyncio's {@code Barrier}: {@code parties} tasks wait at it until all have arrived, then all go on together.
 * Python's {@code wait()} is {@link #await()} here, as {@link java.util.concurrent.CyclicBarrier#await()}.
 *
 * <p>Cyclic: once every task of a round has left, the barrier fills again. {@link #reset()} and {@link #abort()}
 * make the tasks waiting raise {@link BrokenBarrierError}; after {@link #abort()} every later wait raises it too.
 */
public class Barrier {

    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final Condition cond = new Condition();
    private final int parties;
    private State phase = State.FILLING;
    private int count;

    /** A barrier for {@code parties} tasks; {@link IllegalArgumentException} if less than one. */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@code parties} tasks wait; produces this task's arrival index, from 0 to {@code parties - 1}
     * (the last to arrive gets {@code parties - 1} and releases the others).
     */
    @Async
    public Coroutine<Integer> await() {
        // Qualified: this class's own await() hides the static import.
        Asyncio.await(cond.acquire());
        try {
            // Block while the barrier drains or resets.
            Asyncio.await(cond.waitFor(() -> phase != State.DRAINING && phase != State.RESETTING));
            if (phase == State.BROKEN) {
                throw new BrokenBarrierError("Barrier aborted");
            }
            int index = count++;
            try {
                if (index + 1 == parties) {
                    // The last to arrive releases the others.
                    phase = State.DRAINING;
                    cond.signalAll();
                } else {
                    Asyncio.await(cond.waitFor(() -> phase != State.FILLING));
                    if (phase == State.BROKEN || phase == State.RESETTING) {
                        throw new BrokenBarrierError("Abort or reset of barrier");
                    }
                }
                return Coroutine.of(index);
            } finally {
                count--;
                exit();
            }
        } finally {
            cond.release();
        }
    }

    /** Returns the barrier to its empty state; tasks waiting at it raise {@link BrokenBarrierError}. */
    @Async
    public Coroutine<Void> reset() {
        Asyncio.await(cond.acquire());
        try {
            if (count > 0) {
                phase = State.RESETTING;
            } else {
                phase = State.FILLING;
            }
            cond.signalAll();
        } finally {
            cond.release();
        }
        return Coroutine.of(null);
    }

    /** Breaks the barrier: waiting tasks and every later {@link #await()} raise {@link BrokenBarrierError}. */
    @Async
    public Coroutine<Void> abort() {
        Asyncio.await(cond.acquire());
        try {
            phase = State.BROKEN;
            cond.signalAll();
        } finally {
            cond.release();
        }
        return Coroutine.of(null);
    }

    /** How many tasks it takes to pass. */
    public int parties() {
        return parties;
    }

    /** How many tasks are waiting for the barrier to fill (asyncio's {@code n_waiting}). */
    public int nWaiting() {
        return phase == State.FILLING ? count : 0;
    }

    /** Whether the barrier is broken ({@link #abort()}). */
    public boolean broken() {
        return phase == State.BROKEN;
    }

    /** The last task of a round to leave lets the next round fill, and wakes tasks waiting to enter. */
    private void exit() {
        if (count == 0) {
            if (phase == State.RESETTING || phase == State.DRAINING) {
                phase = State.FILLING;
            }
            cond.signalAll();
        }
    }

    @Override
    public String toString() {
        String extra = phase.name().toLowerCase();
        if (!broken()) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return "<Barrier [" + extra + "]>";
    }
}
