package dev.jasyncio.streams;

/**
 * asyncio's {@code _SSLProtocolTransport}: what the streams of a TLS connection write through and pause. Its write
 * buffer is the writes waiting for a handshake plus the records the socket has queued, so {@code drain} waits on
 * the same high and low water marks as on a plain socket. TLS has no half-close: {@link #canWriteEof()} is false.
 */
final class TlsTransport extends FlowControlledTransport implements ReadTransport {

    private final TlsProtocol tls;

    TlsTransport(TlsProtocol tls, Protocol app) {
        super(tls.loop, app);
        this.tls = tls;
    }

    @Override
    public void write(byte[] data, int off, int len) {
        tls.write(data, off, len);
        maybePauseProtocol();
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        for (byte[] d : data) {
            write(d, 0, d.length);
        }
    }

    /** Refused, as asyncio's {@code NotImplementedError}: a TLS connection cannot be half-closed. */
    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("a TLS connection cannot be half-closed: use close()");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void close() {
        tls.close();
    }

    @Override
    public void abort() {
        tls.abort();
    }

    @Override
    public boolean isClosing() {
        return tls.isClosing();
    }

    @Override
    public Object getExtraInfo(String name) {
        return tls.getExtraInfo(name);
    }

    @Override
    public int getWriteBufferSize() {
        return tls.backlogSize() + tls.socketBufferSize();
    }

    /** The sizes went down (records sent, the backlog wrapped): the streams may write again. */
    void sizesWentDown() {
        maybeResumeProtocol();
    }

    @Override
    public void pauseReading() {
        tls.pauseReading();
    }

    @Override
    public void resumeReading() {
        tls.resumeReading();
    }

    @Override
    public String toString() {
        return "<TlsTransport " + tls + ">";
    }
}
