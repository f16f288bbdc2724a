package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

/**
 * The coroutines of a {@link Timeout} used in {@code try (Timeout t = timeout(2.0))}: {@code __aenter__} arms the
 * deadline in the awaiting task; {@code __aexit__} disarms it and produces {@code false} (the block's failure goes
 * on), or throws the {@link TimeoutError} that replaces the cancellation the deadline caused.
 */
final class TimeoutExit extends LibraryFrame<Boolean> {

    private final Timeout timeout;
    private final Throwable failure;
    private final boolean entering;

    TimeoutExit(Timeout timeout, Throwable failure, boolean entering) {
        this.timeout = timeout;
        this.failure = failure;
        this.entering = entering;
    }

    @Override
    protected Object step(Object value, Throwable error) {
        if (entering) {
            timeout.enter(task);
            return null;
        }
        Throwable raised = timeout.exit(failure);
        if (raised == failure) {
            return Boolean.FALSE;
        }
        if (raised == null) {
            return Boolean.TRUE;
        }
        rethrow(raised);
        return Boolean.FALSE; // not reached
    }

    @Override
    public String coroutineName() {
        return entering ? "Timeout.aenter" : "Timeout.aexit";
    }
}
