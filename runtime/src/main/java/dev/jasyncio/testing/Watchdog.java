package dev.jasyncio.testing;

import dev.jasyncio.CancelledError;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A test's real-time limit. When it passes, the loop is asked (thread-safely) to take a task tree, for the failure
 * message, and to cancel what the test is running; again every second, in case the test swallows cancellations.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jasyncio-test-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final EventLoop loop;
    private final double seconds;
    private final String name;
    private final ScheduledFuture<?> alarm;
    /** What the loop is running for the test now; touched on the loop's thread only. */
    private Future<?> running;
    private volatile boolean fired;
    private volatile String tree;

    Watchdog(EventLoop loop, double seconds, String name) {
        this.loop = loop;
        this.seconds = seconds;
        this.name = name;
        long nanos = (long) (seconds * 1e9);
        this.alarm = TIMER.scheduleAtFixedRate(this::fire, nanos, 1_000_000_000L, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        fired = true;
        try {
            loop.callSoonThreadsafe(() -> {
                if (tree == null) {
                    tree = loop.taskTree().format();
                }
                Future<?> f = running;
                if (f != null) {
                    f.cancel("timed out");
                }
            });
        } catch (IllegalStateException closed) {
            alarm.cancel(false);
        }
    }

    void watch(Future<?> f) {
        running = f;
    }

    boolean fired() {
        return fired;
    }

    /** Between phases: once the time is up, the remaining phases do not start. */
    void check() {
        if (fired) {
            throw failure(null);
        }
    }

    AssertionError failure(CancelledError cause) {
        String text = String.format("%s timed out after %s s of real time", name, seconds);
        if (tree != null) {
            text += "; its tasks then:" + System.lineSeparator() + tree;
        }
        return new AssertionError(text, cause);
    }

    void stop() {
        alarm.cancel(false);
    }
}
