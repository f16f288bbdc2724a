package dev.jasyncio;

/**
 * Raised inside a task that is being cancelled, at the await where it is suspended, and by {@link Future#result()}
 * of a cancelled future.
 *
 * <p>An {@link Error}, not an {@link Exception}, for the reason Python made {@code CancelledError} a
 * {@code BaseException}: {@code catch (Exception e)} must not swallow cancellation. Catch it only to clean up,
 * then rethrow it; use {@code finally} for clean-up where you can.
 */
public class CancelledError extends Error {

    private static final long serialVersionUID = 1L;

    public CancelledError() {
        super();
    }

    public CancelledError(String message) {
        super(message);
    }
}
