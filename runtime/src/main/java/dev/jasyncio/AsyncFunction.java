package dev.jasyncio;

/**
 * An async function of one argument: the body of {@code taskGroup(tg -> ...)} or {@code timeout(d, t -> ...)}.
 * A lambda of this type is an async body; the build rewrites its {@code await} calls.
 *
 * @param <A> the argument's type
 * @param <R> the type of the value the coroutine produces
 */
@FunctionalInterface
public interface AsyncFunction<A, R> {

    /** Calls the function: returns its coroutine, not started yet. */
    Coroutine<R> apply(A a);
}
