package dev.jasyncio;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A stand-in for a failure that was collected before it could be reported: its text, stack trace, causes and
 * suppressed exceptions, with no reference to any object of the program. Prints as the original did
 * ({@link #toString()} is the original's), so a log reads the same.
 */
final class FailureCopy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String text;

    private FailureCopy(String text) {
        super(text, null, true, true);
        this.text = text;
    }

    /** A copy of {@code t}, its causes and suppressed exceptions included. */
    static Throwable of(Throwable t) {
        return of(t, new IdentityHashMap<>());
    }

    private static Throwable of(Throwable t, Map<Throwable, FailureCopy> done) {
        FailureCopy known = done.get(t);
        if (known != null) {
            return known;
        }
        FailureCopy c = new FailureCopy(text(t));
        done.put(t, c);
        c.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null) {
            c.initCause(of(cause, done));
        }
        for (Throwable s : t.getSuppressed()) {
            c.addSuppressed(of(s, done));
        }
        return c;
    }

    private static String text(Throwable t) {
        try {
            return t.toString();
        } catch (RuntimeException | StackOverflowError e) {
            return t.getClass().getName();
        }
    }

    /** The original's stack trace is set instead. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return text;
    }
}
