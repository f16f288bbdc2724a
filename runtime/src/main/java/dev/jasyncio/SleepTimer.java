package dev.jasyncio;

/**
 * What a sleeping task waits on: a timer whose firing schedules the task's next step, the same order as asyncio's
 * sleep (the timer fires in one iteration, the task steps in the next) without a future or a callback object.
 * Cancelling the task cancels the timer and wakes it with a {@link CancelledError}.
 */
final class SleepTimer extends TimerHandle {

    private final Task<?> task;
    private boolean fired;
    private boolean cancelledWait;
    private String cancelMessage;

    SleepTimer(EventLoop loop, double when, long sequence, Task<?> task) {
        super(loop, when, sequence, null);
        this.task = task;
    }

    /** The timer fired: the task steps on the next iteration. */
    @Override
    void run() {
        if (!cancelled) {
            fired = true;
            loop.scheduleTask(task);
        }
    }

    /** The task is cancelled while sleeping; false if the timer fired already (its wake-up is scheduled). */
    boolean cancelWait(String message) {
        if (fired || cancelledWait) {
            return false;
        }
        cancel();
        cancelledWait = true;
        cancelMessage = message;
        loop.scheduleTask(task);
        return true;
    }

    /** What the wake-up delivers: a CancelledError if the sleep was cancelled. */
    Throwable wakeError() {
        return cancelledWait ? (cancelMessage == null ? new CancelledError() : new CancelledError(cancelMessage))
                : null;
    }

    @Override
    public String toString() {
        return "<sleep of " + task.getName() + " when=" + when + (cancelled ? " cancelled" : "") + ">";
    }
}
