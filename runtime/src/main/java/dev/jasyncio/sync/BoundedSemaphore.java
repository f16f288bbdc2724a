package dev.jasyncio.sync;

/**
 * asyncio's {@code BoundedSemaphore}: a {@link Semaphore} that refuses to be released above its initial value,
 * which catches a release without a matching acquire.
 */
public class BoundedSemaphore extends Semaphore {

    private final int bound;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /** A bounded semaphore with {@code value} permits, never more. */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /** Gives a permit back; {@link IllegalStateException} if that would exceed the initial value. */
    @Override
    public void release() {
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
