package dev.jasyncio;

/**
 * What {@link Asyncio#run} throws when SIGINT (Ctrl-C) or SIGTERM ended it, as {@code asyncio.Runner} raises
 * Python's {@code KeyboardInterrupt}: the signal cancelled the main task, its {@code finally} blocks ran (and
 * could await), the leftover tasks were cancelled and the loop closed; then this is thrown.
 *
 * <p>An {@link Error}, as {@link CancelledError} is and for the reason Python made {@code KeyboardInterrupt} a
 * {@code BaseException}: {@code catch (Exception e)} must not swallow it. Left to escape {@code main}, it ends the
 * JVM with {@link #exitStatus()} (130 for SIGINT, 143 for SIGTERM: 128 + the signal's number, the status the JVM
 * itself gives after those signals), after the usual "Exception in thread" report and the shutdown hooks.
 */
public class KeyboardInterrupt extends Error {

    private static final long serialVersionUID = 1L;

    private final String signal;
    private final int exitStatus;

    /**
     * {@code signal} is the signal's name without {@code SIG} ({@code "INT"}, {@code "TERM"}), or null when the JVM
     * began to shut down for a reason the runtime could not see (see the README's "Ctrl-C" section).
     */
    public KeyboardInterrupt(String signal, int exitStatus) {
        super(signal == null ? "interrupted: the JVM is shutting down; the main task was cancelled and cleaned up"
                : "interrupted by SIG" + signal + ": the main task was cancelled and cleaned up");
        this.signal = signal;
        this.exitStatus = exitStatus;
    }

    /** The signal's name without {@code SIG} ({@code "INT"}, {@code "TERM"}), or null if it is not known. */
    public String signal() {
        return signal;
    }

    /** The exit status a program that lets this escape ends with: 128 + the signal's number (130, 143), or 1. */
    public int exitStatus() {
        return exitStatus;
    }
}
