package dev.jasyncio.streams;

import java.nio.ByteBuffer;

/**
 * asyncio's {@code Protocol}: what a transport calls. {@link StreamProtocol} is the one under the streams; a TLS
 * connection puts {@link TlsProtocol} between the socket's transport and it, as asyncio's {@code SSLProtocol}.
 */
interface Protocol {

    /** The connection is up: {@code t} writes to it, {@code source} (null for a pipe) controls reading. */
    void connectionMade(WriteTransport t, ReadTransport source);

    /** Bytes arrived; {@code data} is valid only during the call. */
    void dataReceived(ByteBuffer data);

    /** The peer will send no more; true: keep the connection open for writing (half-close). */
    boolean eofReceived();

    /** The connection is gone: {@code exc} is why, null for a clean close. */
    void connectionLost(Throwable exc);

    /** The transport's write buffer went above its high-water mark. */
    void pauseWriting();

    /** The transport's write buffer is back to its low-water mark. */
    void resumeWriting();
}
