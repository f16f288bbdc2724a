package dev.jasyncio.internal;

import dev.jasyncio.KeyboardInterrupt;

/**
 * The uncaught-exception handler that gives a program ended by Ctrl-C the exit status of one: when a
 * {@link KeyboardInterrupt} escapes the thread (usually {@code main}), the usual report is printed by the handler
 * that was there, then the JVM exits with {@link KeyboardInterrupt#exitStatus()} instead of 1. Python ends the same
 * way (it re-raises SIGINT at exit, so the shell sees 130).
 */
final class ExitOnEscape implements Thread.UncaughtExceptionHandler {

    private final Thread.UncaughtExceptionHandler previous;

    private ExitOnEscape(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Installs the handler on {@code thread}, keeping the one there (or its thread group) for everything else. */
    static void arm(Thread thread) {
        Thread.UncaughtExceptionHandler current = thread.getUncaughtExceptionHandler();
        if (!(current instanceof ExitOnEscape)) {
            thread.setUncaughtExceptionHandler(new ExitOnEscape(current));
        }
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (previous != null) {
            previous.uncaughtException(t, e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof KeyboardInterrupt) {
                System.exit(((KeyboardInterrupt) c).exitStatus());
            }
        }
    }
}
