package dev.jasyncio;

import dev.jasyncio.internal.Faults;

/**
 * A callback scheduled on the loop by {@link EventLoop#callSoon(Runnable)}: asyncio's {@code Handle}.
 * {@link #cancel()} before it runs and it never runs.
 */
public class Handle extends Timed {

    final Runnable callback;
    final EventLoop loop;
    boolean cancelled;

    Handle(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
    }

    /** Cancels the callback; no effect if it already ran. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Runs the callback unless cancelled; a failure goes to the loop's exception handler, the loop goes on. */
    void run() {
        if (cancelled) {
            return;
        }
        try {
            callback.run();
        } catch (Throwable t) {
            Faults.rethrowIfFatal(t); // see Faults: only the JVM's breakdowns end the loop
            loop.reportCallbackFailure(this, t);
        }
    }

    @Override
    public String toString() {
        return "<Handle " + (cancelled ? "cancelled " : "") + callback + ">";
    }
}
