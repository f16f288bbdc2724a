package dev.jasyncio.streams;

import dev.jasyncio.EventLoop;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asyncio's {@code _SelectorSocketTransport}: a connected non-blocking {@link SocketChannel} driven by the loop's
 * selector.
 *
 * <p>Reading: whenever the channel is readable (and reading is not paused), up to 256 KiB are read into the loop
 * thread's direct buffer and handed to the protocol; end of stream goes to {@code eofReceived}, which keeps the
 * connection open for writing. Writing: {@link #write} sends at once while nothing is buffered; the rest is queued
 * and sent by a writer callback, with gathering writes. Errors close the transport and reach the protocol's
 * {@code connectionLost}; the channel is closed after that call.
 */
final class SocketTransport extends FlowControlledTransport implements ReadTransport {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    /** asyncio's {@code max_size}: the most one read takes. */
    static final int MAX_SIZE = 256 * 1024;
    /** After this many writes to a lost connection, each one is logged (asyncio's LOG_THRESHOLD_FOR_CONNLOST_WRITES). */
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
    /** Every read lands in the loop thread's one direct buffer: no per-read allocation, no extra JDK copy. */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_SIZE));

    private final SocketChannel channel;
    private Server server;
    private final ArrayDeque<ByteBuffer> buffer = new ArrayDeque<>(0);
    private int bufferSize;
    private int connLost;
    private boolean closing;
    private boolean readingPaused;
    private boolean eof;
    private final Runnable readReady = this::readReady;
    private final Runnable writeReady = this::writeReady;
    private final SocketAddress peername;
    private final SocketAddress sockname;

    SocketTransport(EventLoop loop, SocketChannel channel, Protocol protocol, Server server) {
        super(loop, protocol);
        this.channel = channel;
        this.server = server;
        this.peername = address(channel, true);
        this.sockname = address(channel, false);
        try {
            // As asyncio: no Nagle, small writes go out without waiting for an ACK.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | UnsupportedOperationException e) {
            // not fatal
        }
        if (server != null) {
            server.attach(this);
        }
    }

    private static SocketAddress address(SocketChannel ch, boolean remote) {
        try {
            return remote ? ch.getRemoteAddress() : ch.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** connection_made, then reading starts. */
    void start() {
        protocol.connectionMade(this, this);
        if (!closing && !readingPaused) {
            loop.addReader(channel, readReady);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    private void readReady() {
        if (connLost != 0) {
            return;
        }
        ByteBuffer b = READ_BUFFER.get();
        b.clear();
        int n;
        try {
            n = channel.read(b);
        } catch (IOException e) {
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n < 0) {
            onEof();
            return;
        }
        if (n == 0) {
            return;
        }
        b.flip();
        try {
            protocol.dataReceived(b);
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.data_received() call failed.");
        }
    }

    private void onEof() {
        if (protocol.eofReceived()) {
            // Keep the connection open for writing; there is nothing more to read.
            loop.removeReader(channel);
        } else {
            close();
        }
    }

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        loop.removeReader(channel);
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        loop.addReader(channel, readReady);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    @Override
    public void write(byte[] data, int off, int len) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after write_eof()");
        }
        if (len == 0) {
            return;
        }
        if (connLost != 0) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                LOG.log(System.Logger.Level.WARNING, "socket.send() raised exception.");
            }
            connLost++;
            return;
        }
        if (buffer.isEmpty()) {
            ByteBuffer src = ByteBuffer.wrap(data, off, len);
            try {
                channel.write(src);
            } catch (IOException e) {
                fatalError(e, "Fatal write error on socket transport");
                return;
            }
            if (!src.hasRemaining()) {
                return;
            }
            off = src.position();
            len = src.remaining();
            loop.addWriter(channel, writeReady);
        }
        buffer.add(ByteBuffer.wrap(Arrays.copyOfRange(data, off, off + len)));
        bufferSize += len;
        maybePauseProtocol();
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        for (byte[] d : data) {
            write(d, 0, d.length);
        }
    }

    private void writeReady() {
        if (connLost != 0 || buffer.isEmpty()) {
            return;
        }
        try {
            long n = buffer.size() == 1 ? channel.write(buffer.peek())
                    : channel.write(buffer.toArray(new ByteBuffer[0]));
            bufferSize -= (int) n;
            while (!buffer.isEmpty() && !buffer.peek().hasRemaining()) {
                buffer.poll();
            }
        } catch (IOException e) {
            loop.removeWriter(channel);
            buffer.clear();
            bufferSize = 0;
            fatalError(e, "Fatal write error on socket transport");
            return;
        }
        maybeResumeProtocol(); // may write more
        if (buffer.isEmpty()) {
            loop.removeWriter(channel);
            if (closing) {
                callConnectionLost(null);
            } else if (eof) {
                shutdownOutput();
            }
        }
    }

    @Override
    public void writeEof() {
        if (closing || eof) {
            return;
        }
        eof = true;
        if (buffer.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatalError(e, "Fatal error on socket shutdown");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public int getWriteBufferSize() {
        return bufferSize;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Closing

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        loop.removeReader(channel);
        if (buffer.isEmpty()) {
            connLost++;
            loop.removeWriter(channel);
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    private void fatalError(Throwable exc, String message) {
        if (exc instanceof IOException) {
            if (loop.getDebug()) {
                LOG.log(System.Logger.Level.DEBUG, this + ": " + message, exc);
            }
        } else {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", message);
            context.put("exception", exc);
            context.put("transport", this);
            context.put("protocol", protocol);
            loop.callExceptionHandler(context);
        }
        forceClose(exc);
    }

    private void forceClose(Throwable exc) {
        if (connLost != 0) {
            return;
        }
        if (!buffer.isEmpty()) {
            buffer.clear();
            bufferSize = 0;
            loop.removeWriter(channel);
        }
        if (!closing) {
            closing = true;
            loop.removeReader(channel);
        }
        connLost++;
        loop.callSoon(() -> callConnectionLost(exc));
    }

    private void callConnectionLost(Throwable exc) {
        try {
            protocol.connectionLost(exc);
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // closed anyway
            }
            Server s = server;
            if (s != null) {
                server = null;
                s.detach(this);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Override
    public Object getExtraInfo(String name) {
        switch (name) {
            case "peername":
                return peername;
            case "sockname":
                return sockname;
            case "socket":
                return channel;
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        return "<SocketTransport" + (closing ? " closing" : "") + " " + sockname + " -> " + peername
                + (readingPaused ? " read=paused" : "") + " write=<bufsize=" + bufferSize + ">>";
    }
}
