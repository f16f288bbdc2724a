package dev.jasyncio.sync;

import dev.jasyncio.BrokenBarrierError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.internal.LibraryFrame;

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
    public Coroutine<Integer> await() {
        return new Wait();
    }

    /** Returns the barrier to its empty state; tasks waiting at it raise {@link BrokenBarrierError}. */
    public Coroutine<Void> reset() {
        return new Locked(() -> {
            if (count > 0) {
                phase = State.RESETTING;
            } else {
                phase = State.FILLING;
            }
            cond.signalAll();
        });
    }

    /** Breaks the barrier: waiting tasks and every later {@link #await()} raise {@link BrokenBarrierError}. */
    public Coroutine<Void> abort() {
        return new Locked(() -> {
            phase = State.BROKEN;
            cond.signalAll();
        });
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

    /** The coroutine of {@link #await()}, holding the condition's lock except while waiting on it. */
    private final class Wait extends LibraryFrame<Integer> {

        private static final int LOCKED = 1;
        private static final int MAY_ENTER = 2;
        private static final int RELEASED = 3;

        private int index;

        @Override
        protected Object step(Object value, Throwable error) {
            switch (label) {
                case 0:
                    return await(cond.acquire(), LOCKED);
                case LOCKED:
                    rethrow(error);
                    // Block while the barrier drains or resets.
                    return await(cond.waitFor(() -> phase != State.DRAINING && phase != State.RESETTING), MAY_ENTER);
                case MAY_ENTER:
                    if (error == null && phase == State.BROKEN) {
                        error = new BrokenBarrierError("Barrier aborted");
                    }
                    if (error != null) {
                        cond.release();
                        rethrow(error);
                    }
                    index = count++;
                    if (index + 1 == parties) {
                        phase = State.DRAINING;
                        cond.signalAll();
                        return leave(null);
                    }
                    return await(cond.waitFor(() -> phase != State.FILLING), RELEASED);
                default:
                    if (error == null && (phase == State.BROKEN || phase == State.RESETTING)) {
                        error = new BrokenBarrierError("Abort or reset of barrier");
                    }
                    return leave(error);
            }
        }

        private Object leave(Throwable error) {
            try {
                count--;
                exit();
            } finally {
                cond.release();
            }
            rethrow(error);
            return index;
        }

        @Override
        public String coroutineName() {
            return "Barrier.wait";
        }
    }

    /** {@code async with cond: action}, for {@link #reset()} and {@link #abort()}. */
    private final class Locked extends LibraryFrame<Void> {

        private final Runnable action;

        Locked(Runnable action) {
            this.action = action;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label == 0) {
                return await(cond.acquire(), 1);
            }
            rethrow(error);
            try {
                action.run();
            } finally {
                cond.release();
            }
            return null;
        }

        @Override
        public String coroutineName() {
            return "Barrier.lock";
        }
    }
}
