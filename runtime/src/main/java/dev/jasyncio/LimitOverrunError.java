package dev.jasyncio;

/**
 * asyncio's {@code LimitOverrunError}: {@code readuntil} looked further than the stream's limit without finding the
 * separator (or found it too far). Unchecked. The data stays in the stream; {@link #consumed()} is how many bytes
 * can be skipped.
 */
public class LimitOverrunError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int consumed;

    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many bytes the search went through. */
    public int consumed() {
        return consumed;
    }
}
