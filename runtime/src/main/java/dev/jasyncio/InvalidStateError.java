package dev.jasyncio;

/**
 * Asyncio's {@code InvalidStateError}: an operation that is not allowed in the future's current state, such as
 * {@link Future#result()} before the future is done, or {@link Future#setResult(Object)} twice.
 */
public class InvalidStateError extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidStateError(String message) {
        super(message);
    }
}
