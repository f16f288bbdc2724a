package dev.jasyncio.internal;

import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;

/**
 * The machinery behind every {@link Coroutine}: a resumable frame of one async body.
 *
 * <p>The transformer generates one subclass per async method; its fields hold the method's arguments and the
 * values live across each await, and {@link #resume(Object, Throwable)} calls the rewritten body, which jumps
 * to {@link #label} and carries on from there. The runtime's library coroutines are generated the same way, from
 * its own {@code @Async} methods; only {@code sleep} and {@code Coroutine.of} are hand-written subclasses.
 *
 * <p>Protocol. {@code resume} runs the body until it completes or suspends. It returns the body's result, or
 * {@link AsyncSupport#SUSPENDED} after the body (or a frame it awaits inline) parked the task on something; a
 * failure is thrown. On suspension the body has saved its state and set {@link #label}; when the awaited
 * operation ends, the task calls {@code resume} again with its value or failure. Frames awaiting each other form
 * a chain through {@link #caller}: only the innermost is suspended, and when it completes the task resumes the
 * caller with the result, in a loop, never by recursion.
 *
 * <p>Public only because generated classes in user packages extend it. Not part of the API.
 *
 * @param <T> the type of the value the coroutine produces
 */
public abstract class AsyncFrame<T> extends Coroutine<T> {

    /** Not started: may be awaited or wrapped in a task, once. */
    public static final byte FRESH = 0;
    /** Started: running or suspended. */
    public static final byte RUNNING = 1;
    /** Finished, with a value or a failure. */
    public static final byte DONE = 2;
    /** Closed before it started ({@link Coroutine#close()}): it never runs. */
    public static final byte CLOSED = 3;

    /** Where the body resumes: 0 at the start, then the number of the await it is suspended at. */
    public int label;
    /** {@link #FRESH}, {@link #RUNNING} or {@link #DONE}. */
    public byte state;
    /** The frame awaiting this one inline, resumed with this frame's result; null for a task's outermost frame. */
    public AsyncFrame<?> caller;
    /** The task this frame runs in, set when it starts. */
    public Task<?> task;

    // this-escape on purpose: the debug-only registry of unawaited coroutines keeps a weak reference to the new
    // frame and asks its name, which a frame class returns as a constant (UnawaitedCoroutines falls back to the
    // class name if a subclass is not ready to answer).
    @SuppressWarnings("this-escape")
    protected AsyncFrame() {
        if (UnawaitedCoroutines.ENABLED) {
            UnawaitedCoroutines.track(this);
        }
    }

    /**
     * Runs the body from {@link #label}: with {@code error} non-null, the body sees it thrown at the await where it
     * is suspended; otherwise the await produces {@code value}. Returns the result or {@link AsyncSupport#SUSPENDED}.
     */
    public abstract Object resume(Object value, Throwable error);

    /** The async method's name for messages, e.g. {@code Fetch.main}. */
    public abstract String coroutineName();

    /** The source position the frame is suspended at, e.g. {@code Fetch.java:12}, or null if unknown. */
    public String suspendedAt() {
        return null;
    }

    /** {@link Coroutine#close()}: see there. */
    public static void close(Coroutine<?> coro) {
        if (!(coro instanceof AsyncFrame)) {
            return;
        }
        AsyncFrame<?> f = (AsyncFrame<?>) coro;
        if (f.state == FRESH) {
            f.state = CLOSED;
            if (UnawaitedCoroutines.ENABLED) {
                UnawaitedCoroutines.started(f); // nothing to warn about: it was dropped on purpose
            }
        } else if (f.state == RUNNING) {
            throw new IllegalStateException("cannot close " + f + ": it has started and its task runs it; cancel "
                    + "the task instead (Task.cancel()), which runs its finally blocks");
        }
    }

    /**
     * The error for awaiting this coroutine, or wrapping it in a task, when it is not fresh: Python's
     * "cannot reuse already awaited coroutine", saying what to do.
     */
    public IllegalStateException reuseError() {
        if (state == CLOSED) {
            return new IllegalStateException("cannot reuse already awaited coroutine " + this + ": it was closed "
                    + "(Coroutine.close()); call the async method again for a new coroutine");
        }
        return new IllegalStateException("cannot reuse already awaited coroutine " + this + ": a coroutine runs "
                + "once; call the async method again for a new coroutine, or await a Task of it, which may be "
                + "awaited any number of times");
    }

    @Override
    public String toString() {
        String where = state == RUNNING ? suspendedAt() : null;
        return "<coroutine " + coroutineName() + (where == null ? "" : " running at " + where) + ">";
    }
}
