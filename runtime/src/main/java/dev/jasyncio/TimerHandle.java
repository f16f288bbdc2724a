package dev.jasyncio;

/**
 * A callback scheduled for a point in loop time by {@link EventLoop#callLater} or {@link EventLoop#callAt}:
 * asyncio's {@code TimerHandle}. Timers due at the same time run in the order they were scheduled.
 */
public class TimerHandle extends Handle {

    final double when;
    final long sequence;
    /** In the loop's timer heap (not yet moved to the ready queue, not dropped as cancelled). */
    boolean scheduled;

    TimerHandle(EventLoop loop, double when, long sequence, Runnable callback) {
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
            if (scheduled) {
                loop.timerCancelled();
            }
        }
    }

    /** Heap order: by deadline, then by scheduling order. */
    boolean before(TimerHandle other) {
        return when < other.when || (when == other.when && sequence < other.sequence);
    }

    @Override
    public String toString() {
        return "<TimerHandle " + (cancelled ? "cancelled " : "") + "when=" + when + " " + callback + ">";
    }
}
