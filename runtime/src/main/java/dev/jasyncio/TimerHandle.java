package dev.jasyncio;

/**
 * A callback scheduled for a point in loop time by {@link EventLoop#callLater} or {@link EventLoop#callAt}:
 * asyncio's {@code TimerHandle}. Timers due at the same time run in the order they were scheduled; a cancelled one
 * leaves the loop's timer heap at once.
 */
public final class TimerHandle extends Handle {

    TimerHandle(EventLoop loop, double when, int sequence, Runnable callback) {
        super(loop, callback);
        this.when = when;
        this.sequence = sequence;
    }

    /** The loop time at which the callback is due. */
    public double when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            loop.removeTimer(this);
        }
    }

    @Override
    public String toString() {
        return "<TimerHandle " + (cancelled ? "cancelled " : "") + "when=" + when + " " + callback + ">";
    }
}
