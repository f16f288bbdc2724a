package dev.jasyncio.streams;

import dev.jasyncio.Coroutine;

/**
 * What {@code startServer} calls for each accepted connection (asyncio's {@code client_connected_cb}): usually an
 * async lambda, {@code (reader, writer) -> { ...await(reader.readline())...; return Coroutine.of(null); }}. The
 * coroutine it returns runs as a task; a failure of that task is reported through the loop's exception handler
 * ("Unhandled exception in client_connected_cb") and closes that connection, while the server goes on serving. A
 * handler returning null is a plain callback.
 */
@FunctionalInterface
public interface ConnectionHandler {

    Coroutine<?> handle(StreamReader reader, StreamWriter writer) throws Exception;
}
