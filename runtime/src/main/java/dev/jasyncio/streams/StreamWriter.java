package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.AsyncSupport;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code StreamWriter}: the sending side of a connection or of a child process's stdin.
 *
 * <p>{@link #write(byte[])} never blocks and never fails: it sends what the channel takes at once and buffers the
 * rest (copied: the caller may reuse its array). {@link #drain()} is the flow control: it waits while the buffer
 * is above the high-water mark (64 KiB by default, see {@link #setWriteBufferLimits}) and throws the connection's
 * failure if it has one, so a writer that goes {@code write(); await(drain());} runs at the pace of its peer.
 * {@link #close()} sends what is buffered, then closes; {@link #waitClosed()} waits for that.
 */
public class StreamWriter {

    private final WriteTransport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;

    StreamWriter(WriteTransport transport, StreamProtocol protocol, StreamReader reader) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    /** Sends {@code data}, buffering what the channel does not take at once. */
    public void write(byte[] data) {
        transport.write(data, 0, data.length);
    }

    /** Sends {@code len} bytes of {@code data} from {@code off}. */
    public void write(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + data.length);
        }
        transport.write(data, off, len);
    }

    /** Sends {@code text} encoded in UTF-8. */
    public void write(String text) {
        write(text, StandardCharsets.UTF_8);
    }

    /** Sends {@code text} encoded with {@code charset}. */
    public void write(String text, Charset charset) {
        write(text.getBytes(charset));
    }

    /** Sends each array in order. */
    public void writelines(Iterable<byte[]> data) {
        transport.writelines(data);
    }

    /** Half-closes: no more writes (socket {@code shutdownOutput}) once the buffer is sent; reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Whether {@link #writeEof()} is supported: true for sockets and pipes. */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the connection once the buffered data is sent. */
    public void close() {
        transport.close();
    }

    /** Whether {@link #close()} was called or the connection is lost. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Waits until the connection is closed; throws the failure it ended with, if any (a reset, say). Returns at once
     * if it is already closed.
     */
    @Async
    public Coroutine<Void> waitClosed() throws IOException {
        if (protocol.isLost()) {
            Throwable lostWith = protocol.lostWith();
            if (lostWith != null) {
                throw AsyncSupport.<RuntimeException>sneaky(lostWith);
            }
            return Coroutine.of(null);
        }
        await(protocol.closedWaiter());
        return Coroutine.of(null);
    }

    /**
     * Waits until the write buffer is back under the low-water mark if it went above the high one; throws the
     * connection's failure (or {@link java.net.SocketException} "Connection lost") if the connection is gone.
     */
    @Async
    public Coroutine<Void> drain() throws IOException {
        if (reader != null) {
            reader.checkException();
        }
        if (transport.isClosing()) {
            // One iteration for connection_lost() to be heard: a write(); drain() loop on a closed connection then
            // fails instead of spinning.
            await(Asyncio.sleep(0));
        }
        Future<Void> waiter = protocol.drainWaiter();
        if (waiter != null) {
            try {
                await(waiter);
            } finally {
                protocol.drainDone(waiter);
            }
        }
        return Coroutine.of(null);
    }

    /**
     * asyncio's {@code get_extra_info}: {@code "peername"} and {@code "sockname"} ({@link java.net.InetSocketAddress}
     * where Python has a {@code (host, port)} tuple), {@code "socket"} (the {@link java.nio.channels.SocketChannel});
     * for a pipe, {@code "pipe"}. Over TLS also: {@code "sslsession"} (the {@link javax.net.ssl.SSLSession}),
     * {@code "peercert"} (the peer's {@link java.security.cert.Certificate}), {@code "peercertchain"} (its chain),
     * {@code "cipher"} (the cipher suite's name), {@code "protocol"} ({@code "TLSv1.3"}, ...), {@code "ssl_object"} (the
     * {@link javax.net.ssl.SSLEngine}) and {@code "sslcontext"}. Null if unknown.
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /** {@link #getExtraInfo(String)}, or {@code defaultValue} when it is null. */
    public Object getExtraInfo(String name, Object defaultValue) {
        Object v = transport.getExtraInfo(name);
        return v != null ? v : defaultValue;
    }

    /**
     * The transport's {@code set_write_buffer_limits}: {@code drain} waits above {@code high} until the buffer is at
     * {@code low}; a negative value means the default (64 KiB, and a quarter of the high mark).
     */
    public void setWriteBufferLimits(int high, int low) {
        transport.setWriteBufferLimits(high, low);
    }

    /** How many bytes are buffered, not yet taken by the channel. */
    public int getWriteBufferSize() {
        return transport.getWriteBufferSize();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + (reader != null ? " reader=" + reader : "") + ">";
    }
}
