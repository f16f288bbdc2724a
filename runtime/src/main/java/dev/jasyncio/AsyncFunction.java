package dev.jasyncio;

/**
 * An async function of one argument: the body of {@code taskGroup(tg -> ...)} or {@code timeout(d, t -> ...)}.
 * A lambda of this type is an async body; the build rewrites its {@code await} calls.
 *
 * <p>{@link #apply} declares {@code throws Exception}, as {@link java.util.concurrent.Callable#call()} does, so the
 * body may await methods that declare checked exceptions ({@code await(readConfig())} where {@code readConfig}
 * declares {@code throws IOException}) without wrapping them; whoever awaits the coroutine receives the original
 * exception unchanged.
 *
 * @param <A> the argument's type
 * @param <R> the type of the value the coroutine produces
 */
@FunctionalInterface
public interface AsyncFunction<A, R> {

    /** Calls the function: returns its coroutine, not started yet. */
    Coroutine<R> apply(A a) throws Exception;
}
