package dev.jasyncio.transformer.internal.check;

import java.util.Set;

/**
 * The jasyncio names the checks look for, as source spellings; the transformer depends on the runtime by name
 * only, so these are strings and not class literals.
 */
final class JasyncioNames {

    /** {@code dev.jasyncio.Asyncio}, home of the static {@code await}. */
    static final String ASYNCIO = "dev.jasyncio.Asyncio";
    static final String ASYNCIO_SIMPLE = "Asyncio";

    /** The static method that suspends; it takes exactly one awaitable. */
    static final String AWAIT = "await";

    /** {@code dev.jasyncio.Coroutine}, the only legal return type of an async body. */
    static final String COROUTINE = "dev.jasyncio.Coroutine";
    static final String COROUTINE_SIMPLE = "Coroutine";

    /** {@code dev.jasyncio.annotations.Async}, marking an async method. */
    static final String ASYNC = "dev.jasyncio.annotations.Async";
    static final String ASYNC_SIMPLE = "Async";

    /** Calls of the runtime whose lambda argument is an async body (their parameter is an AsyncFunction). */
    static final Set<String> ASYNC_LAMBDA_CALLS = Set.of("taskGroup", "timeout", "timeoutAt");

    /** Prefix of the runtime's async functional interfaces (AsyncFunction, AsyncSupplier, AsyncRunnable). */
    static final String ASYNC_TYPE_PREFIX = "Async";

    private JasyncioNames() {
    }
}
