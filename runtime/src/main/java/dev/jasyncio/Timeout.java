package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.AsyncSupport;

/**
 * The deadline of a {@code timeout(...)} / {@code timeoutAt(...)} scope, handed to its body: asyncio's
 * {@code Timeout}. When the deadline passes, the task running the scope is cancelled; the scope turns the
 * {@link CancelledError} that comes out of its body into a {@link TimeoutError} (whose cause it is), unless the
 * task was also cancelled from elsewhere, in which case the cancellation goes on. Nested scopes each handle only
 * their own expiry, thanks to the task's {@link Task#cancelling()} count.
 *
 * <p>Times are loop times ({@link EventLoop#time()}); {@link Double#POSITIVE_INFINITY} means no deadline
 * (Python's {@code None}).
 */
public final class Timeout implements AsyncCloseable {

    /** asyncio's {@code _State}, with its names for messages. */
    private enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        final String text;

        State(String text) {
            this.text = text;
        }
    }

    private State state = State.CREATED;
    private double when;
    private Handle handler;
    private Task<?> task;
    private int cancellingAtEntry;

    Timeout(double when) {
        this.when = when;
    }

    /** {@code async with}'s entry: arms the deadline in the awaiting task. A timeout is entered once. */
    @Override
    @Async
    public Coroutine<Void> aenter() {
        enter(EventLoop.requireRunning().currentTask);
        return Coroutine.of(null);
    }

    /**
     * {@code async with}'s exit: disarms the deadline; if it passed and cancelled the block, a {@link TimeoutError}
     * (caused by the {@link CancelledError}) replaces the block's cancellation.
     */
    @Override
    @Async
    public Coroutine<Boolean> aexit(Throwable failure) {
        Throwable raised = exit(failure);
        if (raised == failure) {
            return Coroutine.of(false);
        }
        if (raised == null) {
            return Coroutine.of(true);
        }
        throw AsyncSupport.<RuntimeException>sneaky(raised);
    }

    /** The deadline in loop time, {@link Double#POSITIVE_INFINITY} if none. */
    public double when() {
        return when;
    }

    /** Whether the deadline passed while the scope ran (its body was cancelled because of it). */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Moves the deadline to loop time {@code when} ({@link Double#POSITIVE_INFINITY}: none; a time already past
     * expires the scope on the loop's next iteration). Only while the scope is active.
     */
    public void reschedule(double when) {
        if (state != State.ENTERED) {
            if (state == State.CREATED) {
                throw new IllegalStateException("Timeout has not been entered");
            }
            throw new IllegalStateException("Cannot change state of " + state.text + " Timeout");
        }
        this.when = when;
        if (handler != null) {
            handler.cancel();
        }
        if (when == Double.POSITIVE_INFINITY) {
            handler = null;
        } else {
            EventLoop loop = task.loop;
            handler = when <= loop.time() ? loop.callSoon(this::onTimeout) : loop.callAt(when, this::onTimeout);
        }
    }

    /** asyncio's {@code __aenter__}, in {@code task}. */
    void enter(Task<?> task) {
        if (state != State.CREATED) {
            throw new IllegalStateException("Timeout has already been entered");
        }
        if (task == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        state = State.ENTERED;
        this.task = task;
        cancellingAtEntry = task.cancelling();
        reschedule(when);
    }

    /**
     * asyncio's {@code __aexit__}: the body ended with {@code failure} (null if it returned). Returns what the
     * scope throws: a {@link TimeoutError} in place of the cancellation this timeout caused, else {@code failure}.
     */
    Throwable exit(Throwable failure) {
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            // No newer cancel request than ours: the cancellation is this timeout's to handle.
            if (task.uncancel() <= cancellingAtEntry && failure instanceof CancelledError) {
                return new TimeoutError(null, failure);
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return failure;
    }

    private void onTimeout() {
        task.cancel();
        state = State.EXPIRING;
        handler = null;
    }

    /** asyncio's repr: {@code <Timeout [active] when=12.345>}. */
    @Override
    public String toString() {
        String info = "";
        if (state == State.ENTERED) {
            info = " when=" + (when == Double.POSITIVE_INFINITY ? "None" : String.valueOf(Math.round(when * 1000) / 1000.0));
        }
        return "<Timeout [" + state.text + "]" + info + ">";
    }
}
