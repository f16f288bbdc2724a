package dev.jasyncio.testing;

import dev.jasyncio.AsyncSupplier;
import dev.jasyncio.internal.AsyncSupport;

import java.util.List;

/**
 * Runs an async test body from a plain JUnit test (kotlinx-coroutines-test's {@code runTest}): the same loop,
 * checks and virtual time as {@link AsyncTest}, for tests that need JUnit Jupiter's own features.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValueSource(doubles = {1, 60, 3600})
 * void timesOut(double seconds) {
 *     runTest(() -> {
 *         assertThrows(TimeoutError.class, () -> ...);  // or await inside try / catch
 *         await(sleep(seconds));
 *         return Coroutine.of(null);
 *     });
 * }
 * }</pre>
 */
public final class AsyncTesting {

    private AsyncTesting() {
    }

    /** Runs {@code body} as the main task of a fresh loop on virtual time, in debug mode, with 60 s to finish. */
    public static <T> T runTest(AsyncSupplier<T> body) {
        return runTest(60, true, body);
    }

    /** {@link #runTest(AsyncSupplier)} with a timeout in real seconds, on virtual or real time. */
    @SuppressWarnings("unchecked")
    public static <T> T runTest(double timeoutSeconds, boolean virtualTime, AsyncSupplier<T> body) {
        TestRun.Settings settings = new TestRun.Settings(timeoutSeconds, virtualTime, true);
        try {
            return (T) new TestRun("runTest", settings).run(List.of(), body::get, List.of());
        } catch (Throwable t) {
            // The body's own failure, checked or not, as an await would throw it.
            throw AsyncSupport.<RuntimeException>sneaky(t);
        }
    }
}
