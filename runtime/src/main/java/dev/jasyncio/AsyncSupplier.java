package dev.jasyncio;

/**
 * An async function without arguments, such as a factory of coroutines to run later. A lambda of this type is
 * an async body; the build rewrites its {@code await} calls.
 *
 * <p>{@link #get} declares {@code throws Exception}, as {@link java.util.concurrent.Callable#call()} does: the body
 * may await methods declaring checked exceptions, and whoever awaits the coroutine receives them unchanged.
 *
 * @param <R> the type of the value the coroutine produces
 */
@FunctionalInterface
public interface AsyncSupplier<R> {

    /** Calls the function: returns its coroutine, not started yet. */
    Coroutine<R> get() throws Exception;
}
