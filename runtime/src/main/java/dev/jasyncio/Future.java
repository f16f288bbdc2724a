package dev.jasyncio;

import dev.jasyncio.internal.AsyncSupport;

import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * asyncio's {@code Future}: a result that will be set later, on the loop's thread.
 *
 * <p>States: pending, then finished (with a result or an exception) or cancelled, once. Done callbacks are
 * scheduled with {@link EventLoop#callSoon(Runnable)} when the future completes, in the order they were added,
 * never run inline; one added to a future that is already done is scheduled at once. Awaiting a pending future
 * suspends the awaiting task until the future is done, then produces its result or throws its exception (the
 * very object that was set).
 *
 * <p>Not thread-safe: complete it on the loop's thread, or from elsewhere through
 * {@link EventLoop#callSoonThreadsafe(Runnable)}.
 *
 * @param <T> the type of the result
 */
public class Future<T> extends Timed implements Awaitable<T> {

    static final byte PENDING = 0;
    static final byte FINISHED = 1;
    static final byte CANCELLED = 2;

    final EventLoop loop;
    byte state;
    /** Finished with an exception rather than a result. */
    private boolean failed;
    /**
     * What the future ended with, in one field to keep futures and tasks small: the result; or, when
     * {@link #failed}, the exception, wrapped in its {@link UnretrievedFailure} watch until someone looks at it;
     * or, cancelled, the cancel message (a String), or for a task the CancelledError its coroutine let out, until
     * its first awaiter. While a task is pending, the message of a cancel it has yet to receive.
     */
    Object outcome;
    /** Null, one callback, or an ArrayList of them; a callback is a Task (its wake-up) or a Consumer. */
    private Object callbacks;

    /** A future bound to the running loop; {@link IllegalStateException} if there is none. */
    public Future() {
        this(EventLoop.requireRunning());
    }

    /** A future bound to {@code loop}. */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /**
     * A {@link java.util.concurrent.CompletableFuture} completed when this future is done, from the loop's thread:
     * the way to hand a result to code outside the loop. Cancelling it cancels this future (on the loop's thread).
     */
    public java.util.concurrent.CompletableFuture<T> toCompletableFuture() {
        return ThreadBridge.toCompletableFuture(this);
    }

    /** The loop this future belongs to. */
    public final EventLoop getLoop() {
        return loop;
    }

    /** Whether the future is finished or cancelled. */
    public final boolean done() {
        return state != PENDING;
    }

    /** Whether the future was cancelled. */
    public final boolean cancelled() {
        return state == CANCELLED;
    }

    /**
     * The result. Throws {@link CancelledError} if the future was cancelled, the exception it was finished with
     * (unchanged), or {@link InvalidStateError} ("Result is not set.") if it is not done yet.
     */
    public T result() {
        if (state == CANCELLED) {
            throw makeCancelledError();
        }
        if (state != FINISHED) {
            throw new InvalidStateError("Result is not set.");
        }
        markRetrieved();
        if (failed) {
            throw AsyncSupport.<RuntimeException>sneaky((Throwable) outcome);
        }
        @SuppressWarnings("unchecked")
        T value = (T) outcome;
        return value;
    }

    /**
     * The exception the future finished with, or null if it has a result. Throws {@link CancelledError} if the
     * future was cancelled, {@link InvalidStateError} ("Exception is not set.") if it is not done yet.
     */
    public Throwable exception() {
        if (state == CANCELLED) {
            throw makeCancelledError();
        }
        if (state != FINISHED) {
            throw new InvalidStateError("Exception is not set.");
        }
        markRetrieved();
        return failed ? (Throwable) outcome : null;
    }

    /** Finishes the future with {@code value}; {@link InvalidStateError} if it is already done. */
    public void setResult(T value) {
        if (state != PENDING) {
            throw new InvalidStateError("invalid state");
        }
        outcome = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    /** Finishes the future with {@code error}; {@link InvalidStateError} if it is already done. */
    public void setException(Throwable error) {
        Objects.requireNonNull(error, "error");
        if (state != PENDING) {
            throw new InvalidStateError("invalid state");
        }
        failed = true;
        state = FINISHED;
        // The failure takes the slot before the watch describes the future: whatever the slot held while the
        // future was pending (a task's cancel message) must not be read as the exception.
        outcome = error;
        scheduleCallbacks();
        outcome = UnretrievedFailure.watch(this, error);
    }

    /** Cancels the future and schedules its callbacks; false if it was already done. */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future; the {@link CancelledError} raised to its awaiters carries {@code message}. As in
     * asyncio, calling it on a future that failed counts as looking at the failure.
     */
    public boolean cancel(String message) {
        markRetrieved();
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        outcome = message;
        scheduleCallbacks();
        return true;
    }

    /**
     * Adds a callback run with this future once it is done, scheduled on the loop (never inline). Added to a
     * future already done, it is scheduled at once.
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        if (state != PENDING) {
            scheduleCallback(callback);
        } else {
            addCallbackObject(callback);
        }
    }

    /** Removes every registration of {@code callback}; returns how many were removed. */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Object cbs = callbacks;
        if (cbs == null) {
            return 0;
        }
        if (!(cbs instanceof ArrayList)) {
            if (cbs.equals(callback)) {
                callbacks = null;
                return 1;
            }
            return 0;
        }
        @SuppressWarnings("unchecked")
        ArrayList<Object> list = (ArrayList<Object>) cbs;
        int before = list.size();
        list.removeIf(c -> c.equals(callback));
        return before - list.size();
    }

    /** Registers a task to be woken when this future is done (its {@code __wakeup} callback). */
    final void addWaiter(Task<?> task) {
        addCallbackObject(task);
    }

    /** Unregisters a task's wake-up, when the task stops waiting for another reason. */
    final void removeWaiter(Task<?> task) {
        Object cbs = callbacks;
        if (cbs == task) {
            callbacks = null;
        } else if (cbs instanceof ArrayList) {
            ((ArrayList<?>) cbs).remove(task);
        }
    }

    /** Calls {@code action} with each callback registered now (task trees look for task groups' among them). */
    final void forEachDoneCallback(Consumer<Object> action) {
        Object cbs = callbacks;
        if (cbs instanceof ArrayList) {
            for (Object cb : (ArrayList<?>) cbs) {
                action.accept(cb);
            }
        } else if (cbs != null) {
            action.accept(cbs);
        }
    }

    private void addCallbackObject(Object cb) {
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = cb;
        } else if (cbs instanceof ArrayList) {
            @SuppressWarnings("unchecked")
            ArrayList<Object> list = (ArrayList<Object>) cbs;
            list.add(cb);
        } else {
            ArrayList<Object> list = new ArrayList<>(4);
            list.add(cbs);
            list.add(cb);
            callbacks = list;
        }
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof ArrayList) {
            for (Object cb : (ArrayList<?>) cbs) {
                scheduleCallback(cb);
            }
        } else {
            scheduleCallback(cbs);
        }
    }

    private void scheduleCallback(Object cb) {
        if (cb instanceof Task) {
            loop.scheduleTask((Task<?>) cb);
        } else {
            @SuppressWarnings("unchecked")
            Consumer<? super Future<T>> consumer = (Consumer<? super Future<T>>) cb;
            loop.callSoon(() -> consumer.accept(this));
        }
    }

    /** The message the future was cancelled with (asyncio's {@code _cancel_message}), or null. */
    final String cancelMessage() {
        Object o = outcome;
        return o instanceof String && !failed && state != FINISHED ? (String) o : null;
    }

    /** The {@link CancelledError} this cancelled future raises, carrying the cancel message. */
    CancelledError makeCancelledError() {
        String message = cancelMessage();
        return message == null ? new CancelledError() : new CancelledError(message);
    }

    /** The value an await of this done future produces, or its failure thrown at the await. */
    final Object awaitOutcome() {
        if (state == CANCELLED) {
            throw makeCancelledError();
        }
        markRetrieved();
        if (failed) {
            throw AsyncSupport.<RuntimeException>sneaky((Throwable) outcome);
        }
        return outcome;
    }

    /** The failure this done future would throw at an await (null for a result), marking it retrieved. */
    final Throwable failureOrNull() {
        if (state == CANCELLED) {
            return makeCancelledError();
        }
        markRetrieved();
        return failed ? (Throwable) outcome : null;
    }

    /** The failure of a finished future, without marking it retrieved (for messages). */
    final Throwable rawException() {
        if (!failed) {
            return null;
        }
        Object o = outcome;
        return o instanceof UnretrievedFailure ? ((UnretrievedFailure) o).failure() : (Throwable) o;
    }

    final Object rawResult() {
        return failed || state != FINISHED ? null : outcome;
    }

    /** The failure was looked at: no "never retrieved" warning for it. */
    final void markRetrieved() {
        if (failed && outcome instanceof UnretrievedFailure) {
            UnretrievedFailure u = (UnretrievedFailure) outcome;
            outcome = u.failure();
            u.retrieved();
        }
    }

    String stateName() {
        return state == PENDING ? "pending" : state == CANCELLED ? "cancelled" : "finished";
    }

    /** asyncio's {@code <Future finished result=1>}: the state, then the outcome. */
    @Override
    public String toString() {
        return "<Future " + stateName() + outcomeText() + ">";
    }

    /** {@code " result=..."} or {@code " exception=..."} for a finished future, empty otherwise. */
    final String outcomeText() {
        if (state != FINISHED) {
            return "";
        }
        return failed ? " exception=" + rawException() : " result=" + outcome;
    }
}
