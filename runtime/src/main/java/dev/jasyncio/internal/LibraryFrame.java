package dev.jasyncio.internal;

/**
 * Base of the runtime's hand-written coroutines (queue gets, lock acquires, timeouts, task groups): the same
 * protocol as generated frames, with the chores done once.
 *
 * <p>A subclass implements {@link #step(Object, Throwable)} as a {@code switch (label)}: each case either returns
 * the coroutine's result, throws its failure, or returns {@link #await(Object, int) await(x, next)}, which
 * suspends on {@code x} and continues at case {@code next} with the value or the failure {@code x} produced. An
 * await that completes at once (a done future, a coroutine that did not suspend) continues in the same loop
 * here, not by recursion, exactly where generated code would carry on in straight line; so a hand-written
 * coroutine has the scheduling behaviour of the async method it stands for.
 *
 * @param <T> the type of the value the coroutine produces
 */
public abstract class LibraryFrame<T> extends AsyncFrame<T> {

    /** Returned by {@link #await} when the awaited value is already there: run the next case now. */
    private static final Object CONTINUE = new Object();

    private Object nextValue;
    private Throwable nextError;

    protected LibraryFrame() {
    }

    @Override
    public final Object resume(Object value, Throwable error) {
        Object r;
        while ((r = step(value, error)) == CONTINUE) {
            value = nextValue;
            error = nextError;
            nextValue = null;
            nextError = null;
        }
        return r;
    }

    /**
     * Runs the body from {@link #label}: {@code value} or {@code error} is what the await the body is resumed at
     * produced (both null at label 0). Returns the result, {@link AsyncSupport#SUSPENDED} or what
     * {@link #await(Object, int)} returned.
     */
    protected abstract Object step(Object value, Throwable error);

    /**
     * Awaits {@code awaitable} and continues at case {@code resumeAt}: returns what {@link #step} must return.
     * A failure raised by the await itself (a reused coroutine, say) arrives at {@code resumeAt} as its error,
     * as it would be thrown at the await in an async method.
     */
    protected final Object await(Object awaitable, int resumeAt) {
        label = resumeAt;
        try {
            Object r = AsyncSupport.await(awaitable, this);
            if (r == AsyncSupport.SUSPENDED) {
                return r;
            }
            nextValue = r;
        } catch (Throwable t) {
            nextError = t;
        }
        return CONTINUE;
    }

    /** Continues at case {@code next} at once, with {@code value} or {@code error}: a jump inside the body. */
    protected final Object jump(int next, Object value, Throwable error) {
        label = next;
        nextValue = value;
        nextError = error;
        return CONTINUE;
    }

    /** Throws {@code error} unchanged if it is not null, as an await that failed does in an async method. */
    protected static void rethrow(Throwable error) {
        if (error != null) {
            throw AsyncSupport.<RuntimeException>sneaky(error);
        }
    }

    @Override
    public String coroutineName() {
        return getClass().getSimpleName();
    }
}
