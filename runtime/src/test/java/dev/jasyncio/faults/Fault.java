package dev.jasyncio.faults;

import dev.jasyncio.internal.AsyncSupport;

import java.io.IOException;

/**
 * The kinds of failure user code is made to throw in the fault-injection tests: each must fail only the task or
 * callback that threw it, and reach whoever should see it as the very object thrown.
 */
enum Fault {
    /** An ordinary unchecked exception. */
    RUNTIME_EXCEPTION,
    /** An {@link Error} of the program's own (as an assertion library throws). */
    ERROR,
    /** A checked exception thrown where the compiler does not see it (as async bodies rethrow them). */
    SNEAKY_CHECKED,
    /** A real stack overflow: unbounded recursion, caught by the runtime after the stack has unwound. */
    STACK_OVERFLOW,
    /** An {@link OutOfMemoryError} thrown by the program itself (an allocation it refuses to make). */
    OUT_OF_MEMORY;

    /** An error of the program's own, neither an Exception nor one of the JVM's. */
    static final class BrokenInvariant extends Error {
        private static final long serialVersionUID = 1L;

        BrokenInvariant(String message) {
            super(message);
        }
    }

    /** Throws this kind of failure; what it throws is also recorded in {@code thrown[0]}. */
    RuntimeException raise(Throwable[] thrown) {
        Throwable t;
        switch (this) {
            case RUNTIME_EXCEPTION:
                t = new IllegalArgumentException("injected");
                break;
            case ERROR:
                t = new BrokenInvariant("injected");
                break;
            case SNEAKY_CHECKED:
                t = new IOException("injected");
                break;
            case STACK_OVERFLOW:
                try {
                    recurse(0);
                    throw new AssertionError("unreachable");
                } catch (StackOverflowError e) {
                    t = e;
                }
                break;
            case OUT_OF_MEMORY:
                t = new OutOfMemoryError("injected: refused to allocate");
                break;
            default:
                throw new AssertionError(this);
        }
        thrown[0] = t;
        throw AsyncSupport.<RuntimeException>sneaky(t);
    }

    /** Throws this kind of failure. */
    RuntimeException raise() {
        return raise(new Throwable[1]);
    }

    /** Whether {@code seen} is what {@link #raise} threw (the very object, or the same kind for a stack overflow). */
    boolean matches(Throwable seen, Throwable thrown) {
        return seen == thrown;
    }

    @SuppressWarnings("InfiniteRecursion") // on purpose: the StackOverflowError is the fault
    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
