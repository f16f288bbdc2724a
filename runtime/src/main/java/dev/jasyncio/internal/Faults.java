package dev.jasyncio.internal;

/**
 * Which throwables end an event loop, and which only fail the unit of user code that threw them.
 *
 * <p>As in CPython, where only {@code SystemExit} and {@code KeyboardInterrupt} escape the loop and a
 * {@code RecursionError} or {@code MemoryError} is an ordinary task exception, almost everything user code throws
 * fails that task or callback and is reported, and the loop carries on: every {@link Exception} (checked ones
 * thrown sneakily too), {@link StackOverflowError} (the stack has unwound by the time the loop sees it),
 * {@link OutOfMemoryError} (usually a single oversized allocation; if the heap is really exhausted, the loop's
 * own next allocation fails and ends it), {@link AssertionError}, linkage errors and
 * {@link dev.jasyncio.CancelledError}.
 *
 * <p>The loop ends, rethrowing from {@code runForever} / {@code runUntilComplete} / {@code Asyncio.run}, only for
 * the JVM's own breakdowns and a thread's death: the {@link VirtualMachineError}s other than those two
 * ({@link InternalError}, {@link UnknownError}), and {@code ThreadDeath}. After them no state can be trusted.
 *
 * <p>Public only because the runtime's other packages use it. Not part of the API.
 */
public final class Faults {

    private Faults() {
    }

    /** Whether {@code t} must end the loop instead of failing only the task or callback that threw it. */
    public static boolean endsLoop(Throwable t) {
        if (t instanceof VirtualMachineError) {
            return !(t instanceof StackOverflowError) && !(t instanceof OutOfMemoryError);
        }
        // ThreadDeath by name: the class is deprecated for removal, and a Thread.stop() that throws it is gone.
        return t instanceof Error && t.getClass().getName().equals("java.lang.ThreadDeath");
    }

    /** Rethrows {@code t} if it ends the loop; returns otherwise. */
    public static void rethrowIfFatal(Throwable t) {
        if (endsLoop(t)) {
            throw AsyncSupport.<RuntimeException>sneaky(t);
        }
    }

    /**
     * {@code String.valueOf(o)} for messages about user objects: a {@code toString} that throws must not turn a
     * report into a second failure.
     */
    public static String describe(Object o) {
        try {
            return String.valueOf(o);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            return o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o))
                    + " (toString() threw " + t.getClass().getName() + ")";
        }
    }
}
