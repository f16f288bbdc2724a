package dev.jasyncio.streams;

/**
 * The {@code (reader, writer)} pair that asyncio's {@code open_connection} returns as a tuple: Java has no tuples,
 * so {@code StreamPair p = await(openConnection(host, port)); p.reader(); p.writer();}.
 *
 * @param reader the receiving side of the connection
 * @param writer the sending side of the connection
 */
public record StreamPair(StreamReader reader, StreamWriter writer) {
}
