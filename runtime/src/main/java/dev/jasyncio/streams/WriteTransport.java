package dev.jasyncio.streams;

/**
 * What a {@link StreamWriter} writes through (asyncio's {@code WriteTransport}): a socket or a child process's
 * stdin. Writes never block: what cannot be sent at once is buffered, and the protocol is told to pause above the
 * high-water mark and to resume at the low one.
 */
interface WriteTransport {

    void write(byte[] data, int off, int len);

    void writelines(Iterable<byte[]> data);

    void writeEof();

    boolean canWriteEof();

    /** Closes after the buffered data is sent; the protocol hears {@code connectionLost} then. */
    void close();

    /** Closes at once, dropping the buffered data. */
    void abort();

    boolean isClosing();

    Object getExtraInfo(String name);

    void setWriteBufferLimits(int high, int low);

    int getWriteBufferSize();
}
