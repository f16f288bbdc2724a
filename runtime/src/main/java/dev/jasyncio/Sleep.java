package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;

/**
 * The coroutine {@code sleep(delay)} returns: parks the task on a timer, or for a delay of zero or less yields
 * once to the loop (asyncio's bare {@code yield}). Its own timer callback wakes the task: no Future in between,
 * yet the same order as asyncio (the timer fires in one iteration, the task steps in the next).
 *
 * @param <T> the type of the value the sleep produces
 */
final class Sleep<T> extends AsyncFrame<T> implements Runnable {

    private final double delay;
    private final T result;
    private TimerHandle timer;
    private boolean cancelled;
    private String cancelMessage;

    Sleep(double delay, T result) {
        this.delay = delay;
        this.result = result;
    }

    @Override
    public Object resume(Object value, Throwable error) {
        if (label == 0) {
            if (Double.isNaN(delay)) {
                // As asyncio.sleep: a NaN delay fails when awaited (a ValueError there).
                throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
            }
            label = 1;
            Task<?> t = task;
            if (delay <= 0) {
                t.park(this, null);
                t.loop.scheduleTask(t);
            } else {
                timer = t.loop.callLater(delay, this);
                t.park(this, this);
            }
            return AsyncSupport.SUSPENDED;
        }
        if (error != null) {
            throw AsyncSupport.<RuntimeException>sneaky(error);
        }
        return result;
    }

    /** The timer fired: wake the task. */
    @Override
    public void run() {
        timer = null;
        task.loop.scheduleTask(task);
    }

    /** The task is cancelled while sleeping; false if the timer has fired already (the wake-up is scheduled). */
    boolean cancelWait(String message) {
        if (timer == null || cancelled) {
            return false;
        }
        timer.cancel();
        timer = null;
        cancelled = true;
        cancelMessage = message;
        task.loop.scheduleTask(task);
        return true;
    }

    /** What the wake-up delivers: a CancelledError if the sleep was cancelled. */
    Throwable wakeError() {
        return cancelled ? (cancelMessage == null ? new CancelledError() : new CancelledError(cancelMessage)) : null;
    }

    @Override
    public String coroutineName() {
        return "sleep";
    }
}
