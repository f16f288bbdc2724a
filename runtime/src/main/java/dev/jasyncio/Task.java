package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.Faults;
import dev.jasyncio.internal.UnawaitedCoroutines;

import java.io.PrintStream;
import java.util.List;

/**
 * asyncio's {@code Task}: runs a coroutine on the event loop, step by step, as a {@link Future} of its result.
 *
 * <p>Created by {@code createTask}, a task takes its first step on the loop's next iteration. Each step resumes the
 * innermost suspended frame of its coroutine and runs until the coroutine suspends again (the task waits for what
 * it awaits, then is scheduled again) or completes (the task is done).
 *
 * <p>Cancellation follows asyncio exactly: {@link #cancel(String)} cancels what the task is waiting for, so a
 * {@link CancelledError} is thrown into the coroutine at its current await, where {@code finally} blocks run; a
 * task not waiting for anything gets the error at its next step. The coroutine may catch it and carry on (then
 * {@link #uncancel()} should be called); if it lets it out, the task ends cancelled.
 *
 * @param <T> the type of the result
 */
public class Task<T> extends Future<T> {

    /** The given name, or null for {@code Task-<number>}: formatted only when asked for, as CPython does. */
    private String name;
    private final int number;

    /**
     * The frame to resume at the next step: the coroutine itself before the first step (see {@link #NOT_STARTED})
     * and after the last; the coroutine is found from any frame by following {@code caller}, so the task needs no
     * field of its own for it.
     */
    AsyncFrame<?> resumeFrame;
    /** The Future the task is parked on, the task itself while it sleeps on its own timer, or null. */
    Object waitingOn;
    boolean mustCancel;
    /** Sleep state bits: {@link #TIMER_FIRED}, {@link #SLEEP_CANCELLED}, {@link #DROP_TIMER_ENTRY}. */
    private byte sleep;
    /** The timer fired: the entry in the ready queue stands for the timer's callback, which wakes the task. */
    private static final byte TIMER_FIRED = 1;
    /** The sleep was cancelled: the wake-up delivers a CancelledError. */
    private static final byte SLEEP_CANCELLED = 2;
    /** Cancelled after the timer fired but before its entry ran: that entry must not wake the task again. */
    private static final byte DROP_TIMER_ENTRY = 4;
    /** The first step has not run yet. */
    private static final byte NOT_STARTED = 8;
    private int cancelRequests;

    Task<?> prevLive;
    Task<?> nextLive;

    /**
     * A task running {@code coro} on {@code loop}, named {@code name} ({@code Task-N} if null), scheduled to take
     * its first step on the loop's next iteration. {@code createTask} is the usual way; this constructor is for
     * task factories ({@link EventLoop#setTaskFactory}), as {@code asyncio.Task(coro, loop=...)}.
     */
    // this-escape as asyncio's Task.__init__: the new task registers with its loop and is scheduled; a subclass
    // made by a task factory is fully built before the loop's next iteration runs its first step.
    @SuppressWarnings("this-escape")
    public Task(EventLoop loop, Coroutine<T> coro, String name) {
        super(loop);
        if (!(coro instanceof AsyncFrame)) {
            throw new IllegalArgumentException("a coroutine was expected, got " + coro);
        }
        AsyncFrame<T> frame = (AsyncFrame<T>) coro;
        if (frame.state != AsyncFrame.FRESH) {
            throw frame.reuseError();
        }
        frame.state = AsyncFrame.RUNNING;
        if (UnawaitedCoroutines.ENABLED) {
            UnawaitedCoroutines.started(frame);
        }
        frame.task = this;
        this.resumeFrame = frame;
        this.sleep = NOT_STARTED;
        // As CPython, only unnamed tasks draw a number: Task-N counts the tasks that needed one.
        this.name = name;
        this.number = name == null ? (int) loop.nextTaskNumber() : 0;
        loop.taskStarted(this);
        loop.scheduleTask(this);
    }

    /** The task's name: the one given, or {@code Task-N} (N counting the unnamed tasks of its loop). */
    public String getName() {
        String n = name;
        return n != null ? n : "Task-" + number;
    }

    /** Renames the task (asyncio's {@code set_name}; null becomes {@code "null"}, as Python's {@code str}). */
    public void setName(String name) {
        this.name = String.valueOf(name);
    }

    /** The coroutine this task runs. */
    @SuppressWarnings("unchecked")
    public Coroutine<T> getCoro() {
        return (Coroutine<T>) coroutine();
    }

    /** The task's coroutine: the outermost frame of its chain. */
    private AsyncFrame<?> coroutine() {
        AsyncFrame<?> f = resumeFrame;
        while (f.caller != null) {
            f = f.caller;
        }
        return f;
    }

    /** Whether the first step has not run yet. */
    boolean notStarted() {
        return (sleep & NOT_STARTED) != 0;
    }

    /** Whether the task's next entry in the ready queue stands for its sleep timer firing, not for a step. */
    boolean timerEntry() {
        return (sleep & TIMER_FIRED) != 0;
    }

    /**
     * Requests cancellation: the coroutine gets a {@link CancelledError} carrying {@code message} at its current
     * await, or at its next step. False if the task is already done.
     */
    @Override
    public boolean cancel(String message) {
        markRetrieved();
        if (done()) {
            return false;
        }
        cancelRequests++;
        Object w = waitingOn;
        if (w != null && cancelWaited(w, message)) {
            // What the task waits for is cancelled and wakes it; keep waitingOn, which may swallow the cancel.
            return true;
        }
        mustCancel = true;
        outcome = message; // pending: the outcome slot keeps the message until the cancel is delivered
        return true;
    }

    /** How many cancellation requests are pending (asyncio 3.11's {@code cancelling()}). */
    public int cancelling() {
        return cancelRequests;
    }

    /** Withdraws one cancellation request; returns how many remain. */
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    private boolean cancelWaited(Object waited, String message) {
        if (waited == this) {
            return cancelSleep(message);
        }
        return ((Future<?>) waited).cancel(message);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sleeping: the task is its own timer. Same order as asyncio's sleep on a future: the timer fires in one
    // iteration (its entry takes the place of the timer's callback in the ready queue) and the task steps in the
    // next; a cancel before the wake-up is scheduled wakes it with a CancelledError instead.

    /** Called by the loop when this task's sleep is due. */
    void timerFired() {
        sleep = (byte) (sleep | TIMER_FIRED);
        loop.scheduleTask(this);
    }

    /** Cancels the sleep; false if its wake-up is already scheduled (then the next step gets the cancel). */
    private boolean cancelSleep(String message) {
        if (heapIndex >= 0) {
            loop.removeTimer(this);
        } else if ((sleep & TIMER_FIRED) != 0) {
            sleep = (byte) (sleep | DROP_TIMER_ENTRY);
        } else {
            return false;
        }
        sleep = (byte) (sleep | SLEEP_CANCELLED);
        outcome = message;
        loop.scheduleTask(this);
        return true;
    }

    @Override
    CancelledError makeCancelledError() {
        // The CancelledError the coroutine let out goes to the first awaiter (asyncio's _cancelled_exc).
        if (state == CANCELLED && outcome instanceof CancelledError) {
            CancelledError e = (CancelledError) outcome;
            outcome = null;
            return e;
        }
        return super.makeCancelledError();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stepping

    /** Parks the task on {@code waited} (a Future, or itself to sleep); {@code frame} resumes when it is done. */
    void park(AsyncFrame<?> frame, Object waited) {
        resumeFrame = frame;
        waitingOn = waited;
    }

    /** One step: resume the innermost frame with what woke the task, run until suspension or completion. */
    final void step() {
        step(false);
    }

    /**
     * A step taken by the loop itself from its ready queue. When the task is again the only thing ready once it
     * suspends, it steps again at once (see {@link EventLoop#takeBackSoleReady}): exactly what the next
     * iterations would do, without the return to the loop and the dispatch.
     */
    final void stepFromLoop() {
        step(true);
    }

    private void step(boolean fromLoop) {
        EventLoop l = loop;
        Task<?> outer = l.currentTask;
        l.currentTask = this;
        try {
            do {
                stepOnce();
            } while (fromLoop && state == PENDING && l.takeBackSoleReady(this));
        } finally {
            l.currentTask = outer;
        }
    }

    private void stepOnce() {
        if (state != PENDING) {
            return;
        }
        if ((sleep & TIMER_FIRED) != 0) {
            // This entry is the sleep timer's callback: it schedules the wake-up, unless a cancel already did.
            boolean drop = (sleep & DROP_TIMER_ENTRY) != 0;
            sleep = (byte) (sleep & ~(TIMER_FIRED | DROP_TIMER_ENTRY));
            if (!drop) {
                loop.scheduleTask(this);
            }
            return;
        }
        Object value = null;
        Throwable error = null;
        Object waited = waitingOn;
        if (waited != null) {
            waitingOn = null;
            if (waited == this) {
                // Woke from its own sleep timer.
                if ((sleep & SLEEP_CANCELLED) != 0) {
                    error = super.makeCancelledError();
                }
                sleep = 0;
            } else {
                Future<?> f = (Future<?>) waited;
                error = f.failureOrNull();
                if (error == null) {
                    value = f.rawResult();
                }
            }
        }
        if (mustCancel) {
            if (!(error instanceof CancelledError)) {
                error = super.makeCancelledError();
            }
            mustCancel = false;
        }
        drive(value, error);
    }

    private void drive(Object value, Throwable error) {
        // A CancelledError thrown into the coroutine at this step: the cause of what the coroutine throws instead.
        Throwable delivered = error;
        AsyncFrame<?> cur = resumeFrame;
        if ((sleep & NOT_STARTED) != 0) {
            sleep = (byte) (sleep & ~NOT_STARTED);
            if (error != null) {
                // Cancelled before its first step: the body never runs.
                cur.state = AsyncFrame.DONE;
                finish(null, error);
                return;
            }
        }
        while (true) {
            Object r;
            Throwable thrown = null;
            try {
                r = cur.resume(value, error);
            } catch (Throwable t) {
                r = null;
                thrown = t;
            }
            if (thrown == null && r == AsyncSupport.SUSPENDED) {
                AsyncFrame<?> next = loop.pendingStart;
                if (next != null) {
                    loop.pendingStart = null;
                    cur = next;
                    value = null;
                    error = null;
                    continue;
                }
                if (mustCancel && waitingOn != null && cancelWaited(waitingOn, cancelMessage())) {
                    mustCancel = false;
                }
                return;
            }
            cur.state = AsyncFrame.DONE;
            AsyncFrame<?> caller = cur.caller;
            if (caller == null) {
                if (thrown != null && delivered instanceof CancelledError) {
                    chainCancel(thrown, delivered);
                }
                finish(r, thrown);
                return;
            }
            if (thrown != null) {
                AsyncTraces.addCaller(thrown, caller);
            }
            cur = caller;
            value = r;
            error = thrown;
        }
    }

    /**
     * The coroutine caught the CancelledError of this step and threw {@code failure} instead: as CPython sets the
     * new exception's {@code __context__}, the CancelledError (with the cancel message) becomes its cause, unless
     * it has one.
     */
    private static void chainCancel(Throwable failure, Throwable cancel) {
        if (failure == cancel || failure instanceof CancelledError || failure.getCause() != null) {
            return;
        }
        try {
            failure.initCause(cancel);
        } catch (IllegalStateException | IllegalArgumentException causeFixedAtConstruction) {
            // made with an explicit (null) cause: it stays as the user built it
        }
    }

    @SuppressWarnings("unchecked")
    private void finish(Object result, Throwable failure) {
        resumeFrame = coroutine();
        loop.taskFinished(this);
        if (failure == null) {
            if (mustCancel) {
                mustCancel = false;
                super.cancel(cancelMessage());
            } else {
                super.setResult((T) result);
            }
        } else if (failure instanceof CancelledError) {
            // As CPython: the first awaiter gets this very error; later ones a fresh CancelledError without the
            // message (Future.cancel() without a message resets it).
            super.cancel(null);
            outcome = failure;
        } else {
            super.setException(failure);
            // A StackOverflowError or OutOfMemoryError is the task's failure, as RecursionError and MemoryError
            // are in asyncio; only the JVM's breakdowns go on to end the loop (see Faults).
            Faults.rethrowIfFatal(failure);
        }
    }

    /** Tasks complete by running their coroutine: {@link IllegalStateException}, asyncio's RuntimeError. */
    @Override
    public void setResult(T value) {
        throw new IllegalStateException("Task does not support set_result operation");
    }

    /** Tasks complete by running their coroutine: {@link IllegalStateException}, asyncio's RuntimeError. */
    @Override
    public void setException(Throwable error) {
        throw new IllegalStateException("Task does not support set_exception operation");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Introspection

    /** The frames of the coroutine, oldest first; see {@link #getStack(int)}. */
    public List<StackTraceElement> getStack() {
        return TaskStack.of(this, Integer.MAX_VALUE);
    }

    /**
     * As asyncio's {@code get_stack}: for a pending task, the chain of coroutines it is suspended in, oldest
     * first (the newest {@code limit} of them); for a task that failed, the frames of its exception, oldest first
     * (the oldest {@code limit}); for a task that returned or was cancelled, nothing.
     */
    public List<StackTraceElement> getStack(int limit) {
        return TaskStack.of(this, limit);
    }

    /** Prints {@link #getStack()} to {@link System#err}, in the format of asyncio's {@code print_stack}. */
    public void printStack() {
        printStack(Integer.MAX_VALUE, System.err);
    }

    /** Prints at most {@code limit} frames of {@link #getStack(int)} to {@code out}. */
    public void printStack(int limit, PrintStream out) {
        TaskStack.print(this, limit, out);
    }

    /** The frame to resume at the next step, or the coroutine before its first one. */
    AsyncFrame<?> innermostFrame() {
        return resumeFrame;
    }

    /** asyncio's repr: {@code <Task pending name='Task-2' coro=<...>>}. */
    @Override
    public String toString() {
        String st = state == PENDING && cancelRequests > 0 ? "cancelling" : stateName();
        return "<Task " + st + " name='" + getName() + "' coro=" + coroutine() + outcomeText() + ">";
    }
}
