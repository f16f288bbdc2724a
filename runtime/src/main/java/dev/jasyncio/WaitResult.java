package dev.jasyncio;

import java.util.Set;

/**
 * What {@code Asyncio.wait} produces: asyncio's {@code (done, pending)} pair. Both sets hold the very future
 * objects that were passed in, compared by identity.
 *
 * @param done the futures that are done (finished or cancelled) when the wait returned
 * @param pending the futures that are not
 * @param <T> the futures' result type
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
}
