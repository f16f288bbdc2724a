package dev.jasyncio.internal;

import dev.jasyncio.CancelledError;
import dev.jasyncio.EventLoop;
import dev.jasyncio.KeyboardInterrupt;
import dev.jasyncio.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and SIGTERM during one {@code Asyncio.run}, as {@code asyncio.Runner} handles SIGINT: the first signal
 * cancels the main task (its {@code finally} blocks run and may await) and {@code run} then throws
 * {@link KeyboardInterrupt}; a signal arriving when the main task is already done, or a second one, does what it
 * would have done without {@code run} (for the JVM's own handler: shutdown hooks, then exit with 128 + the
 * signal's number). The handlers in place before are restored when {@code run} ends.
 *
 * <p>As asyncio, only a run on the main thread watches signals. Handlers are installed through
 * {@code sun.misc.Signal}; where it is missing or refuses, a shutdown hook stands in: when the JVM starts to exit
 * (after a signal or {@code System.exit}) it cancels the main task and waits, up to {@link #HOOK_GRACE_SECONDS},
 * for the run to clean up. {@code -Djasyncio.signals=hook} chooses the fallback, {@code =off} leaves signals
 * alone.
 *
 * <p>Public only for {@code Asyncio}; not part of the API.
 */
public final class Interruption implements AutoCloseable {

    /** The system property choosing how signals are watched: {@code handle} (default), {@code hook}, {@code off}. */
    public static final String MODE_PROPERTY = "jasyncio.signals";
    /** How long the fallback's shutdown hook lets a run clean up before the JVM goes on exiting. */
    static final double HOOK_GRACE_SECONDS = 30;

    private static final Interruption NONE = new Interruption(null, null, null);

    private final EventLoop loop;
    private final Task<?> main;
    private final Thread runner;
    private final AtomicInteger received = new AtomicInteger();
    /** The first signal: its name (empty for the fallback's "the JVM is exiting") and number. */
    private volatile String firstName;
    private volatile int firstNumber;
    private final List<SignalTraps.Trap> traps = new ArrayList<>(2);
    private Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Interruption(EventLoop loop, Task<?> main, Thread runner) {
        this.loop = loop;
        this.main = main;
        this.runner = runner;
    }

    /** Starts watching for the run of {@code main} on {@code loop}, called on the thread that runs the loop. */
    public static Interruption watch(EventLoop loop, Task<?> main) {
        String mode = System.getProperty(MODE_PROPERTY, "handle");
        if (mode.equals("off") || !isMainThread()) {
            return NONE;
        }
        Interruption watch = new Interruption(loop, main, Thread.currentThread());
        if (!mode.equals("hook")) {
            for (String name : new String[] {"INT", "TERM"}) {
                SignalTraps.Trap trap = SignalTraps.trap(name, t -> watch.onSignal(name, t.number, t::passOn));
                if (trap != null) {
                    watch.traps.add(trap);
                }
            }
        }
        if (watch.traps.isEmpty()) {
            watch.addHook();
        }
        return watch;
    }

    /** The JVM's main thread, where a program's {@code Asyncio.run} runs (asyncio watches SIGINT only there). */
    private static boolean isMainThread() {
        Thread t = Thread.currentThread();
        ThreadGroup g = t.getThreadGroup();
        return t.getName().equals("main") && g != null && g.getName().equals("main");
    }

    private void addHook() {
        Thread h = new Thread(() -> {
            onSignal("", 0, () -> { });
            if (!exitCalledByRunner()) {
                try {
                    closed.await((long) (HOOK_GRACE_SECONDS * 1000), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "jasyncio-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(h);
            hook = h;
        } catch (IllegalStateException shuttingDown) {
            // too late to watch anything
        }
    }

    /** The loop's own thread called {@code System.exit}: it waits for the hooks, so waiting for it would stall. */
    private boolean exitCalledByRunner() {
        for (StackTraceElement f : runner.getStackTrace()) {
            if (f.getClassName().equals("java.lang.Shutdown")) {
                return true;
            }
        }
        return false;
    }

    /** On the JVM's signal thread (or the hook's): the first signal cancels the main task, later ones pass on. */
    private void onSignal(String name, int number, Runnable passOn) {
        if (received.incrementAndGet() == 1) {
            firstNumber = number;
            firstName = name;
            try {
                loop.callSoonThreadsafe(() -> {
                    if (main.done()) {
                        passOn.run();
                    } else {
                        main.cancel();
                    }
                });
                return;
            } catch (IllegalStateException loopClosed) {
                // the run is over: nothing left to cancel
            }
        }
        passOn.run();
    }

    /** Whether a signal arrived during the run. */
    public boolean signalled() {
        return firstName != null;
    }

    /**
     * The exception {@code run} throws after a signal cancelled the main task ({@code cause}); a program that lets
     * it escape the thread exits with its status (the fallback's JVM is exiting already).
     */
    public KeyboardInterrupt interrupted(CancelledError cause) {
        String name = firstName;
        KeyboardInterrupt e = name.isEmpty() ? new KeyboardInterrupt(null, 1)
                : new KeyboardInterrupt(name, 128 + firstNumber);
        e.initCause(cause);
        if (!name.isEmpty()) {
            ExitOnEscape.arm(runner);
        }
        return e;
    }

    /** Restores the handlers that were in place and drops the hook; the run is over. */
    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        for (SignalTraps.Trap t : traps) {
            t.restore();
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for this
            }
        }
        closed.countDown();
    }
}
