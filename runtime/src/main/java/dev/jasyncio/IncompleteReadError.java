package dev.jasyncio;

/**
 * asyncio's {@code IncompleteReadError}: the stream ended before a read got what it needed
 * ({@code readexactly(n)}, {@code readuntil(separator)}). Unchecked; {@link #partial()} holds the bytes read before
 * the end, which are taken out of the stream.
 */
public class IncompleteReadError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final byte[] partial;
    private final Integer expected;

    /** {@code expected} is the number of bytes asked for, or null when the read had no fixed size. */
    public IncompleteReadError(byte[] partial, Integer expected) {
        super(partial.length + " bytes read on a total of " + (expected == null ? "undefined" : expected)
                + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the end of the stream (not a copy). */
    public byte[] partial() {
        return partial;
    }

    /** How many bytes the read wanted, or null for {@code readuntil} (Python's {@code None}). */
    public Integer expected() {
        return expected;
    }
}
