package dev.jasyncio.streams;

import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.TimerHandle;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * asyncio's {@code SSLProtocol}: TLS between the socket's transport (below, which calls this protocol) and the
 * stream protocol (above, which writes through {@link TlsTransport}), over the JDK's {@link SSLEngine}.
 *
 * <p>Life: the handshake starts as the socket connects; while it runs, the application's writes wait in a backlog.
 * When it finishes, the stream protocol hears {@code connectionMade} (on a server its handler starts then), and the
 * client's {@code openConnection} returns. A failed handshake, or one that outlasts its timeout, reaches the waiter
 * as an {@link SSLHandshakeException} and closes the socket (after the alert, if the engine has one to send).
 * Later handshakes (a TLS 1.2 renegotiation, a TLS 1.3 key update) are driven the same way, the backlog holding the
 * writes that the engine cannot take meanwhile. A peer's {@code close_notify}, or its end of stream without one (as
 * asyncio, no error), is an end of stream for the reader and closes the connection: TLS has no half-close. Closing
 * sends {@code close_notify} after the backlog and does not wait for the peer's.
 *
 * <p>Buffers: ciphertext is unwrapped straight from the socket's read buffer, only a partial record is kept;
 * plaintext is delivered to the reader in runs of records; records written go to the socket transport in one
 * {@code write}, which sends at once or queues. Each buffer grows when the engine says it is too small.
 */
final class TlsProtocol implements Protocol {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    /** After this many writes to a closed connection, each one is logged (asyncio's LOG_THRESHOLD_FOR_CONNLOST_WRITES). */
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
    private static final ByteBuffer[] NO_DATA = new ByteBuffer[0];
    /** Records are gathered up to this much before one write to the socket: fewer system calls for big writes. */
    private static final int MAX_GATHERED = 256 * 1024;

    private enum State { HANDSHAKE, WRAPPED, CLOSED }

    final EventLoop loop;
    final SSLEngine engine;
    final javax.net.ssl.SSLContext context;
    private final Protocol app;
    private final TlsTransport appTransport;
    /** The client's {@code openConnection} waits on it for the first handshake; null on a server. */
    private final Future<Void> waiter;
    private final double handshakeTimeout;
    private TimerHandle handshakeTimer;

    private WriteTransport socket;
    private ReadTransport socketReader;
    private State state = State.HANDSHAKE;

    /** Ciphertext not yet unwrapped (a partial record), in fill mode; allocated when a record is split. */
    private ByteBuffer netIn = ByteBuffer.allocate(0);
    /** The application's writes the engine has not taken yet. */
    private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>(0);
    private int backlogSize;

    private boolean appReadingPaused;
    /** The socket ended while the reader was paused with records still to unwrap: finish once it resumes. */
    private boolean eofPending;
    private boolean closing;
    private boolean shutdownStarted;
    private boolean appConnected;
    private Throwable failure;
    private int connLost;

    TlsProtocol(EventLoop loop, javax.net.ssl.SSLContext context, SSLEngine engine, Protocol app,
                Future<Void> waiter, double handshakeTimeout) {
        this.loop = loop;
        this.context = context;
        this.engine = engine;
        this.app = app;
        this.waiter = waiter;
        this.handshakeTimeout = handshakeTimeout;
        this.appTransport = new TlsTransport(this, app);
    }

    /**
     * The loop thread's two work buffers, shared by its TLS connections: plaintext unwrapped and not yet delivered
     * ({@code in}), records wrapped and not yet given to the socket ({@code out}). Both are emptied before the
     * engine's driver returns (the socket transport copies what it cannot send at once), so a connection holds no
     * buffer between callbacks but its partial record.
     */
    private static final class Scratch {
        ByteBuffer in = ByteBuffer.allocate(MAX_GATHERED);
        ByteBuffer out = ByteBuffer.allocate(MAX_GATHERED);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** What the streams write through. */
    TlsTransport appTransport() {
        return appTransport;
    }

    // ---------------------------------------------------------------------------------------------------------
    // From the socket's transport

    @Override
    public void connectionMade(WriteTransport t, ReadTransport source) {
        socket = t;
        socketReader = source;
        // The socket asks us to pause as soon as anything is queued and to resume once all is sent: the streams'
        // own high and low water marks then apply to the backlog plus the socket's queue (see TlsTransport).
        socket.setWriteBufferLimits(0, 0);
        if (handshakeTimeout > 0 && Double.isFinite(handshakeTimeout)) {
            handshakeTimer = loop.callLater(handshakeTimeout, this::handshakeTimedOut);
        }
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            failHandshake(e);
            return;
        }
        drive(null);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (state == State.CLOSED) {
            return;
        }
        ByteBuffer src;
        if (netIn.position() == 0) {
            src = data; // the common case: whole records, unwrapped from the socket's buffer with no copy
        } else {
            append(data);
            netIn.flip();
            src = netIn;
        }
        try {
            drive(src);
        } finally {
            if (src == netIn) {
                netIn.compact();
            } else if (data.hasRemaining() && state != State.CLOSED) {
                append(data);
            }
        }
    }

    @Override
    public boolean eofReceived() {
        if (state == State.HANDSHAKE) {
            failHandshake(new SSLHandshakeException("Connection closed by the peer during the TLS handshake"));
            return false;
        }
        if (state == State.WRAPPED && !engine.isInboundDone()) {
            if (appReadingPaused && netIn.position() > 0) {
                eofPending = true; // the records left are read when the reader resumes
                return true;
            }
            endOfInput();
        }
        return false;
    }

    @Override
    public void connectionLost(Throwable exc) {
        State was = state;
        state = State.CLOSED;
        cancelTimer();
        Throwable why = exc != null ? exc : failure;
        if (was == State.HANDSHAKE) {
            completeWaiter(why != null ? handshakeException(why)
                    : new SSLHandshakeException("Connection lost during the TLS handshake"));
        }
        if (appConnected) {
            appConnected = false;
            app.connectionLost(why);
        }
    }

    @Override
    public void pauseWriting() {
        // Nothing to do now: the streams pause on the sizes, in TlsTransport.
    }

    @Override
    public void resumeWriting() {
        appTransport.sizesWentDown();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The engine

    /**
     * Runs the engine as far as it goes: delegated tasks, handshake records to send, the backlog to wrap, records
     * from {@code src} (null: only what is kept) to unwrap; then hands the plaintext up and the records down.
     */
    private void drive(ByteBuffer src) {
        try {
            boolean progress = true;
            while (progress && state != State.CLOSED) {
                HandshakeStatus hs = engine.getHandshakeStatus();
                if (hs == HandshakeStatus.NEED_TASK) {
                    runTasks();
                    continue;
                }
                progress = false;
                if (hs == HandshakeStatus.NEED_WRAP || (state == State.WRAPPED && backlogSize > 0)) {
                    progress = wrap();
                }
                if (!progress && src != null && src.hasRemaining() && !engine.isInboundDone()
                        && (state == State.HANDSHAKE || !appReadingPaused || hs != HandshakeStatus.NOT_HANDSHAKING)) {
                    progress = unwrap(src);
                }
            }
            deliver();
            flush();
        } catch (SSLException e) {
            deliver(); // the records before the bad one
            fail(e);
            return;
        } finally {
            // Never leave one connection's bytes in the thread's buffers for the next (after a failure).
            Scratch sc = SCRATCH.get();
            sc.in.clear();
            sc.out.clear();
        }
        if (state == State.CLOSED) {
            return;
        }
        if (engine.isInboundDone() && !shutdownStarted) {
            // The peer's close_notify: an end of stream for the reader, then our close_notify and the socket's end.
            if (appConnected) {
                app.eofReceived();
            }
            closing = true;
        }
        if (closing && backlogSize == 0 && state == State.WRAPPED) {
            shutdown();
        }
        appTransport.sizesWentDown();
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run(); // key exchange and certificate checks, on the loop thread as asyncio's OpenSSL calls
        }
    }

    /** One unwrap from {@code src}; true if it made progress. */
    private boolean unwrap(ByteBuffer src) throws SSLException {
        Scratch sc = SCRATCH.get();
        SSLEngineResult r = engine.unwrap(src, sc.in);
        switch (r.getStatus()) {
            case BUFFER_OVERFLOW:
                if (sc.in.position() > 0) {
                    deliver();
                } else {
                    sc.in = grow(sc.in, engine.getSession().getApplicationBufferSize());
                }
                return true;
            case BUFFER_UNDERFLOW:
                return false; // a partial record: kept until the rest arrives
            default:
                finishedIf(r);
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
        }
    }

    /** One wrap of the backlog (or of nothing, for handshake records); true if it made progress. */
    private boolean wrap() throws SSLException {
        ByteBuffer[] srcs = state == State.WRAPPED && backlogSize > 0 && !shutdownStarted
                ? backlog.toArray(NO_DATA) : NO_DATA;
        Scratch sc = SCRATCH.get();
        SSLEngineResult r = engine.wrap(srcs, sc.out);
        switch (r.getStatus()) {
            case BUFFER_OVERFLOW:
                if (sc.out.position() > 0) {
                    flush();
                } else {
                    sc.out = grow(sc.out, engine.getSession().getPacketBufferSize());
                }
                return true;
            default:
                int taken = r.bytesConsumed();
                if (taken > 0) {
                    backlogSize -= taken;
                    while (!backlog.isEmpty() && !backlog.peek().hasRemaining()) {
                        backlog.poll();
                    }
                }
                finishedIf(r);
                return taken > 0 || r.bytesProduced() > 0;
        }
    }

    private void finishedIf(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED && state == State.HANDSHAKE) {
            handshakeDone();
        }
    }

    /** The first handshake is over: the streams connect, the client's await returns. */
    private void handshakeDone() {
        state = State.WRAPPED;
        cancelTimer();
        appConnected = true;
        app.connectionMade(appTransport, appTransport);
        completeWaiter(null);
    }

    /** Hands the plaintext unwrapped so far to the streams. */
    private void deliver() {
        ByteBuffer appIn = SCRATCH.get().in;
        if (appIn.position() == 0) {
            return;
        }
        appIn.flip();
        try {
            if (appConnected) {
                app.dataReceived(appIn);
            }
        } finally {
            appIn.clear();
        }
    }

    /** Gives the records wrapped so far to the socket, which sends them at once or queues a copy. */
    private void flush() {
        ByteBuffer netOut = SCRATCH.get().out;
        if (netOut.position() == 0) {
            return;
        }
        try {
            socket.write(netOut.array(), 0, netOut.position());
        } finally {
            netOut.clear();
        }
    }

    private void append(ByteBuffer data) {
        if (netIn.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(netIn.position() + data.remaining(),
                    engine.getSession().getPacketBufferSize()));
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(data);
    }

    private static ByteBuffer grow(ByteBuffer b, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, 2 * b.capacity()));
        b.flip();
        bigger.put(b);
        return bigger;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Failures and the end

    private void handshakeTimedOut() {
        if (state == State.HANDSHAKE) {
            String seconds = String.format(Locale.ROOT, "%s", handshakeTimeout);
            failHandshake(new SSLHandshakeException("SSL handshake is taking longer than " + seconds
                    + " seconds: aborting the connection"));
            socket.abort();
        }
    }

    /** A failure of the engine: the alert it has for the peer goes out, then the socket closes. */
    private void fail(SSLException e) {
        if (state == State.HANDSHAKE) {
            failHandshake(e);
            return;
        }
        if (loop.getDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + ": Fatal error on SSL protocol", e);
        }
        failure = e;
        sendAlertAndClose();
    }

    private void failHandshake(SSLException e) {
        if (loop.getDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + ": SSL handshake failed", e);
        }
        cancelTimer();
        failure = handshakeException(e);
        completeWaiter(failure);
        sendAlertAndClose();
    }

    private void sendAlertAndClose() {
        if (state == State.CLOSED) {
            return;
        }
        engine.closeOutbound();
        try {
            while (!engine.isOutboundDone() && wrap()) {
                // the alert or close_notify, record by record
            }
            flush();
        } catch (SSLException | RuntimeException alertFailed) {
            // nothing more to tell the peer
        } finally {
            SCRATCH.get().out.clear();
        }
        shutdownStarted = true;
        socket.close();
    }

    private static SSLHandshakeException handshakeException(Throwable e) {
        if (e instanceof SSLHandshakeException) {
            return (SSLHandshakeException) e;
        }
        SSLHandshakeException h = new SSLHandshakeException(String.valueOf(e.getMessage()));
        h.initCause(e);
        return h;
    }

    private void completeWaiter(Throwable e) {
        if (waiter == null || waiter.done()) {
            return;
        }
        if (e == null) {
            waiter.setResult(null);
        } else {
            waiter.setException(e);
        }
    }

    private void cancelTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
    }

    /** The socket ended without the peer's close_notify: as asyncio, an end of stream all the same. */
    private void endOfInput() {
        drive(null);
        try {
            engine.closeInbound();
        } catch (SSLException truncated) {
            if (loop.getDebug()) {
                LOG.log(System.Logger.Level.DEBUG, this + ": the peer closed without close_notify", truncated);
            }
        }
        if (appConnected) {
            app.eofReceived();
        }
        closing = true;
        shutdown();
    }

    /** Sends close_notify after what is written, then closes the socket once that is sent. */
    private void shutdown() {
        if (shutdownStarted || state == State.CLOSED) {
            return;
        }
        sendAlertAndClose();
    }

    // ---------------------------------------------------------------------------------------------------------
    // For TlsTransport

    void write(byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        if (closing || state == State.CLOSED) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                LOG.log(System.Logger.Level.WARNING, "SSL connection is closed");
            }
            connLost++;
            return;
        }
        ByteBuffer borrowed = ByteBuffer.wrap(data, off, len);
        backlog.add(borrowed);
        backlogSize += len;
        if (state == State.WRAPPED) {
            drive(null);
        }
        if (borrowed.hasRemaining() && backlog.peekLast() == borrowed) {
            // The engine could not take it all now (a handshake is on): keep a copy, the caller may reuse its array.
            backlog.pollLast();
            ByteBuffer copy = ByteBuffer.allocate(borrowed.remaining());
            copy.put(borrowed).flip();
            backlog.add(copy);
        }
    }

    int backlogSize() {
        return backlogSize;
    }

    int socketBufferSize() {
        return socket == null ? 0 : socket.getWriteBufferSize();
    }

    void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (state == State.HANDSHAKE) {
            abort();
        } else if (backlogSize == 0) {
            shutdown();
        }
    }

    boolean isClosing() {
        return closing || state == State.CLOSED;
    }

    void abort() {
        closing = true;
        if (socket != null) {
            socket.abort();
        }
    }

    void pauseReading() {
        if (appReadingPaused) {
            return;
        }
        appReadingPaused = true;
        socketReader.pauseReading();
    }

    void resumeReading() {
        if (!appReadingPaused) {
            return;
        }
        appReadingPaused = false;
        // The records kept while paused are read on the next iteration, as a transport delivers data.
        loop.callSoon(() -> {
            if (state == State.CLOSED || appReadingPaused) {
                return;
            }
            if (netIn.position() > 0) {
                netIn.flip();
                try {
                    drive(netIn);
                } finally {
                    netIn.compact();
                }
            }
            if (appReadingPaused) {
                return; // the reader filled up again on the records kept: wait for the next resume
            }
            if (eofPending) {
                eofPending = false;
                endOfInput();
            } else if (state != State.CLOSED) {
                socketReader.resumeReading();
            }
        });
    }

    Object getExtraInfo(String name) {
        switch (name) {
            case "sslcontext":
                return context;
            case "ssl_object":
                return engine;
            case "sslsession":
                return state == State.HANDSHAKE ? null : engine.getSession();
            case "peercert":
            case "peercertchain":
                if (state == State.HANDSHAKE) {
                    return null;
                }
                try {
                    java.security.cert.Certificate[] chain = engine.getSession().getPeerCertificates();
                    return name.equals("peercert") ? chain[0] : chain;
                } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
                    return null;
                }
            case "cipher":
                return state == State.HANDSHAKE ? null : engine.getSession().getCipherSuite();
            case "protocol":
                return state == State.HANDSHAKE ? null : engine.getSession().getProtocol();
            default:
                return socket == null ? null : socket.getExtraInfo(name);
        }
    }

    @Override
    public String toString() {
        return "<TlsProtocol " + state + (closing ? " closing" : "") + " " + socket + ">";
    }
}
