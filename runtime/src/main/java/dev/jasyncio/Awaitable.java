package dev.jasyncio;

/**
 * Something {@link Asyncio#await(Awaitable)} accepts: a {@link Coroutine}, a {@link Future} or a {@link Task}.
 *
 * <p>Python's awaitable protocol, closed to these types: the runtime knows how to suspend on each of them.
 * Any {@link java.util.concurrent.CompletionStage} is awaitable too, through {@link Asyncio#await(java.util.concurrent.CompletionStage)}.
 *
 * @param <T> the type of the value the await produces
 */
public interface Awaitable<T> {
}
