package dev.jasyncio.transformer;

/**
 * An internal failure of the transformer (a bug, not a mistake in user code), naming the class and the version.
 */
public final class InstrumentationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InstrumentationException(String className, Throwable cause) {
        super("jasyncio transformer " + Instrumenter.VERSION + " failed on class " + className.replace('/', '.')
                + ": " + cause, cause);
    }
}
