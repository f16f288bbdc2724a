package dev.jasyncio;

/**
 * An async function without arguments, such as a factory of coroutines to run later. A lambda of this type is
 * an async body; the build rewrites its {@code await} calls.
 *
 * @param <R> the type of the value the coroutine produces
 */
@FunctionalInterface
public interface AsyncSupplier<R> {

    /** Calls the function: returns its coroutine, not started yet. */
    Coroutine<R> get();
}
