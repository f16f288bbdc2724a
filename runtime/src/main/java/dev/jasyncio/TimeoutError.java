package dev.jasyncio;

/**
 * Raised by {@code waitFor} and {@code timeout} when the deadline passes; its cause is the
 * {@link CancelledError} that the timeout turned into this error.
 */
public class TimeoutError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TimeoutError() {
        super();
    }

    public TimeoutError(String message) {
        super(message);
    }

    public TimeoutError(String message, Throwable cause) {
        super(message, cause);
    }
}
