package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code Server}, as {@code startServer} returns it: listening sockets whose connections each get a
 * {@link StreamReader} / {@link StreamWriter} pair and a task running the {@link ConnectionHandler}.
 *
 * <p>{@link #close()} stops listening (connections already accepted go on); {@link #waitClosed()} waits until the
 * server is closed and every connection is gone; {@link #serveForever()} serves until cancelled, then closes.
 */
public final class Server implements AutoCloseable {

    /** asyncio's {@code ACCEPT_RETRY_DELAY}: after running out of file descriptors, accepting resumes this much later. */
    private static final double ACCEPT_RETRY_DELAY = 1.0;

    private final EventLoop loop;
    private List<ServerSocketChannel> sockets;
    private final ConnectionHandler handler;
    private final int limit;
    private final int backlog;
    private final Set<SocketTransport> clients = new LinkedHashSet<>();
    private List<Future<Void>> waiters = new ArrayList<>();
    private boolean serving;
    private Future<Void> servingForever;
    /** A Unix socket server's file and its identity when bound: removed on close if still the same file. */
    private java.nio.file.Path unixPath;
    private Object unixFileKey;
    /** Null for plain TCP: else each connection gets TLS between its socket and its streams. */
    private TlsSettings tls;
    /** Null: connections are served here; else each accepted channel goes to it (a loop group's acceptor). */
    private java.util.function.Consumer<SocketChannel> handOff;
    /** Also run by {@link #close()}: a loop group's other listeners close with this one. */
    private Runnable alsoOnClose;

    Server(EventLoop loop, List<ServerSocketChannel> sockets, ConnectionHandler handler, int limit, int backlog) {
        this.loop = loop;
        this.sockets = sockets;
        this.handler = handler;
        this.limit = limit;
        this.backlog = backlog;
    }

    /** The loop the server runs on. */
    public EventLoop getLoop() {
        return loop;
    }

    /** Whether the server accepts connections. */
    public boolean isServing() {
        return serving;
    }

    /**
     * The listening channels (empty once closed). Their {@code getLocalAddress()} tells the port chosen for port 0.
     * Closing one directly is not how to stop the server: use {@link #close()}.
     */
    public List<ServerSocketChannel> sockets() {
        return sockets == null ? List.of() : Collections.unmodifiableList(sockets);
    }

    /**
     * The port the server listens on, the one chosen for port 0 included, with no cast (Python's
     * {@code server.sockets[0].getsockname()[1]}): that of its first TCP socket. {@link IllegalStateException} for
     * a Unix socket server, or once the server is closed.
     */
    public int port() {
        for (ServerSocketChannel s : sockets()) {
            try {
                if (s.getLocalAddress() instanceof InetSocketAddress address) {
                    return address.getPort();
                }
            } catch (IOException closed) {
                // a socket closed under the server: look at the next
            }
        }
        throw new IllegalStateException(sockets().isEmpty() ? "the server is closed: it listens on no port"
                : "the server listens on no TCP port (a Unix socket server)");
    }

    /** Starts accepting, if it is not already; {@code startServer} does this. */
    public Coroutine<Void> startServing() {
        startServingNow();
        return Asyncio.sleep(0); // one iteration, as asyncio, for the registrations to take effect
    }

    void startServingNow() {
        if (serving) {
            return;
        }
        serving = true;
        for (ServerSocketChannel s : sockets) {
            listen(s);
        }
    }

    private void listen(ServerSocketChannel s) {
        loop.addReader(s, () -> acceptReady(s));
    }

    /** asyncio's {@code _accept_connection}: up to {@code backlog} connections per readiness. */
    private void acceptReady(ServerSocketChannel s) {
        for (int i = 0; i < backlog; i++) {
            SocketChannel c;
            try {
                c = s.accept();
                if (c == null) {
                    return;
                }
                c.configureBlocking(false);
            } catch (IOException e) {
                acceptFailed(s, e);
                return;
            }
            if (handOff != null) {
                handOff.accept(c);
                continue;
            }
            StreamReader reader = new StreamReader(limit);
            StreamProtocol protocol = new StreamProtocol(loop, reader, handler);
            Protocol below = tls == null ? protocol
                    : new TlsProtocol(loop, tls.context(), tls.serverEngine(), protocol, null, tls.handshakeTimeout());
            new SocketTransport(loop, c, below, this).start();
        }
    }

    private void acceptFailed(ServerSocketChannel s, IOException e) {
        if (!s.isOpen()) {
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("exception", e);
        context.put("socket", s);
        if (outOfResources(e)) {
            // The channel stays readable while the process has no descriptor to spare: stop and retry later.
            context.put("message", "socket.accept() out of system resource");
            loop.callExceptionHandler(context);
            loop.removeReader(s);
            loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                if (serving && s.isOpen()) {
                    listen(s);
                }
            });
        } else {
            context.put("message", "Error on accept");
            loop.callExceptionHandler(context);
        }
    }

    private static boolean outOfResources(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Too many open files") || m.contains("No buffer space") || m.contains("Cannot allocate");
    }

    /** Gives each accepted channel to {@code target} instead of serving it on this loop. */
    void handOff(java.util.function.Consumer<SocketChannel> target) {
        handOff = target;
    }

    /** Runs {@code r} when this server is closed. */
    void alsoOnClose(Runnable r) {
        alsoOnClose = r;
    }

    /** Serves each connection over TLS. */
    void useTls(TlsSettings settings) {
        tls = settings;
    }

    /** asyncio 3.13's {@code cleanup_socket}: {@link #close()} removes {@code path} if it is still {@code key}. */
    void removeOnClose(java.nio.file.Path path, Object key) {
        unixPath = path;
        unixFileKey = key;
    }

    void attach(SocketTransport t) {
        clients.add(t);
    }

    void detach(SocketTransport t) {
        clients.remove(t);
        if (clients.isEmpty() && sockets == null) {
            wakeup();
        }
    }

    private void wakeup() {
        List<Future<Void>> ws = waiters;
        waiters = null;
        if (ws != null) {
            for (Future<Void> w : ws) {
                if (!w.done()) {
                    w.setResult(null);
                }
            }
        }
    }

    /** Stops listening and closes the listening channels; accepted connections are left alone. */
    @Override
    public void close() {
        List<ServerSocketChannel> ss = sockets;
        if (ss == null) {
            return;
        }
        sockets = null;
        for (ServerSocketChannel s : ss) {
            loop.removeReader(s);
            try {
                s.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
        serving = false;
        if (unixPath != null) {
            UnixSockets.cleanUp(unixPath, unixFileKey);
            unixPath = null;
        }
        if (alsoOnClose != null) {
            Runnable r = alsoOnClose;
            alsoOnClose = null;
            r.run();
        }
        if (servingForever != null && !servingForever.done()) {
            servingForever.cancel();
            servingForever = null;
        }
        if (clients.isEmpty()) {
            wakeup();
        }
    }

    /** Closes every accepted connection (after its buffered data). */
    public void closeClients() {
        for (SocketTransport t : new ArrayList<>(clients)) {
            t.close();
        }
    }

    /** Closes every accepted connection at once, dropping buffered data. */
    public void abortClients() {
        for (SocketTransport t : new ArrayList<>(clients)) {
            t.abort();
        }
    }

    /** Waits until the server is closed and every accepted connection is gone. */
    @Async
    public Coroutine<Void> waitClosed() {
        if (waiters == null) {
            return Coroutine.of(null);
        }
        Future<Void> w = loop.createFuture();
        waiters.add(w);
        await(w);
        return Coroutine.of(null);
    }

    /** Accepts connections until cancelled; then closes the server, waits for it, and lets the cancellation out. */
    @Async
    public Coroutine<Void> serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serve_forever()");
        }
        if (sockets == null) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        startServingNow();
        servingForever = loop.createFuture();
        try {
            await(servingForever);
        } catch (CancelledError e) {
            close();
            // A failure of the wait wins over the cancellation, as a bare raise in asyncio's finally re-raises it.
            await(waitClosed());
            throw e;
        } finally {
            servingForever = null;
        }
        return Coroutine.of(null);
    }

    @Override
    public String toString() {
        return "<Server sockets=" + sockets() + ">";
    }
}
