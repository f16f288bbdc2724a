package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code streams} functions: {@link #openConnection} and {@link #startServer}, {@link #openUnixConnection}
 * and {@link #startUnixServer} (also on {@code Asyncio}).
 * Host names are resolved on the loop's default executor (blocking, as {@code getaddrinfo}); IP literals are used
 * as they are.
 */
public final class Streams {

    /** asyncio's default listen backlog. */
    static final int BACKLOG = 100;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Streams() {
    }

    /**
     * Connects to {@code host:port} and returns the connection's reader and writer. Each address of the host is
     * tried in turn; if all fail, the failure (a {@link ConnectException} for a refused connection) is thrown at
     * the await.
     */
    public static Coroutine<StreamPair> openConnection(String host, int port) throws IOException {
        return openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #openConnection(String, int)} with the reader's {@code limit}. */
    public static Coroutine<StreamPair> openConnection(String host, int port, int limit) throws IOException {
        Objects.requireNonNull(host, "host");
        return connect(host, port, limit, null);
    }

    /**
     * Connects to {@code host:port} over TLS (asyncio's {@code open_connection(..., ssl=ctx)}): the await returns once
     * the handshake is done. The client sends {@code host} as SNI (unless it is an IP address) and checks the
     * server's certificate against it (HTTPS endpoint identification), trusting what {@code ssl} trusts. A failed
     * handshake (an untrusted certificate, a wrong name, a peer that closes) is thrown at the await as the JDK's
     * {@link javax.net.ssl.SSLHandshakeException}; so is a handshake that takes longer than 60 s.
     */
    public static Coroutine<StreamPair> openConnection(String host, int port, SSLContext ssl) throws IOException {
        return openConnection(host, port, ssl, null);
    }

    /**
     * {@link #openConnection(String, int, SSLContext)} checking the certificate against {@code serverHostname} (and
     * sending it as SNI) instead of {@code host}: asyncio's {@code server_hostname}. Null means {@code host}; an empty
     * name sends no SNI and checks no name (only that the certificate is trusted).
     */
    public static Coroutine<StreamPair> openConnection(String host, int port, SSLContext ssl, String serverHostname)
            throws IOException {
        return openConnection(host, port, ssl, serverHostname, TlsSettings.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * {@link #openConnection(String, int, SSLContext, String)} with asyncio's {@code ssl_handshake_timeout}: a
     * handshake still running after {@code handshakeTimeoutSeconds} aborts the connection, and the await throws
     * {@link javax.net.ssl.SSLHandshakeException}.
     */
    public static Coroutine<StreamPair> openConnection(String host, int port, SSLContext ssl, String serverHostname,
                                                       double handshakeTimeoutSeconds) throws IOException {
        Objects.requireNonNull(host, "host");
        return connect(host, port, StreamReader.DEFAULT_LIMIT,
                new TlsSettings(ssl, serverHostname, handshakeTimeoutSeconds));
    }

    /**
     * Listens on {@code host:port} and serves each connection over TLS (asyncio's {@code start_server(...,
     * ssl=ctx)}): {@code ssl} holds the server's key and certificate. The handler runs once the connection's
     * handshake is done; a connection whose handshake fails or takes longer than 60 s is closed and never reaches
     * it, and the server goes on.
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, SSLContext ssl)
            throws IOException {
        return startServer(handler, host, port, ssl, TlsSettings.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /** {@link #startServer(ConnectionHandler, String, int, SSLContext)} with asyncio's {@code ssl_handshake_timeout}. */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, SSLContext ssl,
                                                double handshakeTimeoutSeconds) throws IOException {
        Objects.requireNonNull(handler, "handler");
        return serve(handler, host, port, StreamReader.DEFAULT_LIMIT, BACKLOG,
                new TlsSettings(ssl, null, handshakeTimeoutSeconds));
    }

    /**
     * Listens on {@code host:port} (all interfaces if {@code host} is null; port 0 picks a free port, see
     * {@link Server#sockets()}) and runs {@code handler} for each connection; the server is serving when the await
     * returns.
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT, BACKLOG);
    }

    /**
     * {@link #startServer(ConnectionHandler, String, int)} with the readers' {@code limit} (asyncio's
     * {@code start_server(cb, host, port, limit=n)}); the listen backlog stays the default.
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, int limit)
            throws IOException {
        return startServer(handler, host, port, limit, BACKLOG);
    }

    /** {@link #startServer(ConnectionHandler, String, int)} with the readers' {@code limit} and the listen backlog. */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, int limit,
                                                int backlog) throws IOException {
        Objects.requireNonNull(handler, "handler");
        return serve(handler, host, port, limit, backlog, null);
    }

    /**
     * Connects to the Unix domain socket at {@code path} (asyncio's {@code open_unix_connection}) and returns the
     * connection's reader and writer; {@code getExtraInfo("peername")} is a {@link java.net.UnixDomainSocketAddress}.
     */
    public static Coroutine<StreamPair> openUnixConnection(Path path) throws IOException {
        return openUnixConnection(path, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #openUnixConnection(Path)} with the reader's {@code limit}. */
    public static Coroutine<StreamPair> openUnixConnection(Path path, int limit) throws IOException {
        Objects.requireNonNull(path, "path");
        return UnixSockets.open(path, limit);
    }

    /**
     * Listens on a Unix domain socket at {@code path} (asyncio's {@code start_unix_server}) and runs {@code handler}
     * for each connection. As asyncio 3.13, a stale socket file at {@code path} is removed first, and
     * {@link Server#close()} removes the socket file, unless another file has replaced it since.
     */
    public static Coroutine<Server> startUnixServer(ConnectionHandler handler, Path path) throws IOException {
        return startUnixServer(handler, path, StreamReader.DEFAULT_LIMIT, BACKLOG);
    }

    /** {@link #startUnixServer(ConnectionHandler, Path)} with the readers' {@code limit} and the listen backlog. */
    public static Coroutine<Server> startUnixServer(ConnectionHandler handler, Path path, int limit, int backlog)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(path, "path");
        return UnixSockets.start(handler, path, limit, backlog);
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    /** Resolves {@code host} (null: the wildcard address) on the default executor unless it is a literal. */
    @Async
    private static Coroutine<InetAddress[]> resolve(String host) throws IOException {
        if (host == null) {
            return Coroutine.of(new InetAddress[] {null});
        }
        if (isIpLiteral(host)) {
            return Coroutine.of(InetAddress.getAllByName(host));
        }
        return Coroutine.of(await(Asyncio.getRunningLoop().runInExecutor(null, () -> InetAddress.getAllByName(host))));
    }

    /**
     * The coroutine of {@code openConnection}: asyncio's {@code create_connection} without happy eyeballs, then its
     * TLS handshake when {@code tls} is not null.
     */
    @Async
    private static Coroutine<StreamPair> connect(String host, int port, int limit, TlsSettings tls)
            throws IOException {
        EventLoop loop = Asyncio.getRunningLoop();
        InetAddress[] addresses = await(resolve(host));
        List<IOException> failures = new ArrayList<>(1);
        for (InetAddress address : addresses) {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                await(loop.sockConnect(channel, new InetSocketAddress(address, port)));
            } catch (IOException e) {
                closeQuietly(channel);
                failures.add(e);
                continue;
            } catch (Throwable t) {
                // Cancelled, or not a network failure: no other address is tried.
                closeQuietly(channel);
                throw t;
            }
            if (tls != null) {
                return Coroutine.of(await(handshake(loop, channel, host, port, limit, tls)));
            }
            return Coroutine.of(connected(loop, channel, limit));
        }
        throw allFailed(failures);
    }

    /** The streams over a connected channel. */
    static StreamPair connected(EventLoop loop, SocketChannel channel, int limit) {
        StreamReader reader = new StreamReader(limit);
        StreamProtocol protocol = new StreamProtocol(loop, reader, null);
        SocketTransport transport = new SocketTransport(loop, channel, protocol, null);
        transport.start();
        return new StreamPair(reader, new StreamWriter(transport, protocol, reader));
    }

    /** asyncio's SSLProtocol between the socket and the streams; the await returns when the handshake is done. */
    @Async
    private static Coroutine<StreamPair> handshake(EventLoop loop, SocketChannel channel, String host, int port,
                                                   int limit, TlsSettings tls) {
        StreamReader reader = new StreamReader(limit);
        StreamProtocol protocol = new StreamProtocol(loop, reader, null);
        Future<Void> handshake = loop.createFuture();
        SSLEngine engine;
        try {
            engine = tls.clientEngine(host, port);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        TlsProtocol tlsProtocol = new TlsProtocol(loop, tls.context(), engine, protocol, handshake,
                tls.handshakeTimeout());
        StreamPair pair = new StreamPair(reader, new StreamWriter(tlsProtocol.appTransport(), protocol, reader));
        new SocketTransport(loop, channel, tlsProtocol, null).start();
        try {
            await(handshake);
        } catch (Throwable t) {
            tlsProtocol.abort(); // failed: already closing; cancelled: the connection goes with it
            throw t;
        }
        return Coroutine.of(pair);
    }

    /** What a connection that failed on every address raises: the one failure, or one naming them all. */
    private static IOException allFailed(List<IOException> failures) {
        IOException first = failures.get(0);
        if (failures.size() == 1) {
            return first;
        }
        StringBuilder message = new StringBuilder("Multiple exceptions: ");
        boolean same = true;
        for (int i = 0; i < failures.size(); i++) {
            IOException f = failures.get(i);
            same &= String.valueOf(f.getMessage()).equals(String.valueOf(first.getMessage()));
            message.append(i == 0 ? "" : ", ").append(f.getMessage());
        }
        if (same) {
            return first;
        }
        ConnectException e = new ConnectException(message.toString());
        failures.forEach(e::addSuppressed);
        return e;
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a channel that failed to connect
            }
        }
    }

    /**
     * The coroutine of {@code startServer}: asyncio's {@code create_server} with {@code start_serving=True}, each
     * connection over TLS when {@code tls} is not null.
     */
    @Async
    private static Coroutine<Server> serve(ConnectionHandler handler, String host, int port, int limit, int backlog,
                                           TlsSettings tls) throws IOException {
        List<ServerSocketChannel> sockets = bindAll(await(resolve(host)), port, backlog);
        Server server = new Server(Asyncio.getRunningLoop(), sockets, handler, limit, backlog);
        if (tls != null) {
            server.useTls(tls);
        }
        server.startServingNow();
        try {
            // One iteration, as asyncio, for the registrations to take effect.
            await(Asyncio.sleep(0));
        } catch (Throwable t) {
            server.close();
            throw t;
        }
        return Coroutine.of(server);
    }

    private static List<ServerSocketChannel> bindAll(InetAddress[] addresses, int port, int backlog)
            throws BindException {
        List<ServerSocketChannel> sockets = new ArrayList<>();
        for (InetAddress a : addresses) {
            InetSocketAddress sa = a == null ? new InetSocketAddress(port) : new InetSocketAddress(a, port);
            ServerSocketChannel s = null;
            try {
                s = ServerSocketChannel.open();
                s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                s.bind(sa, backlog);
                s.configureBlocking(false);
                sockets.add(s);
            } catch (IOException e) {
                closeAll(sockets, s);
                BindException b = new BindException("error while attempting to bind on address " + sa + ": "
                        + String.valueOf(e.getMessage()).toLowerCase());
                b.initCause(e);
                throw b;
            }
        }
        return sockets;
    }

    private static void closeAll(List<ServerSocketChannel> sockets, ServerSocketChannel failed) {
        List<ServerSocketChannel> all = new ArrayList<>(sockets);
        if (failed != null) {
            all.add(failed);
        }
        for (ServerSocketChannel s : all) {
            try {
                s.close();
            } catch (IOException ignored) {
                // giving up on this server
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Subprocesses

    /**
     * Starts {@code args[0]} with the arguments that follow, its stdin, stdout and stderr inherited, as asyncio's
     * defaults, and returns it once started: its streams are null; {@link #createSubprocessExec(Stdio, String...)}
     * pipes those asked for.
     */
    public static Coroutine<Subprocess> createSubprocessExec(String... args) throws IOException {
        return createSubprocessExec(Stdio.inherit(), args);
    }

    /**
     * Starts {@code args[0]} with the arguments that follow, its streams redirected as {@code stdio} says
     * (asyncio's {@code create_subprocess_exec(*args, stdin=, stdout=, stderr=)}); the piped ones are the
     * {@link Subprocess}'s streams, the others are null.
     */
    public static Coroutine<Subprocess> createSubprocessExec(Stdio stdio, String... args) throws IOException {
        Objects.requireNonNull(stdio, "stdio");
        if (args.length == 0) {
            throw new IllegalArgumentException("no program given");
        }
        return createSubprocessExec(stdio.applyTo(new ProcessBuilder(args)));
    }

    /**
     * Starts the process {@code pb} describes (working directory, environment, redirections): the streams it
     * leaves as {@link ProcessBuilder.Redirect#PIPE} become the {@link Subprocess}'s streams, the others are null.
     * A new {@link ProcessBuilder} pipes all three, Java's default: a piped output nobody reads can fill up and
     * block the child, so redirect what will not be read (say {@link ProcessBuilder#inheritIO()}), or use
     * {@link #createSubprocessExec(Stdio, String...)}, which pipes only what is asked for.
     */
    public static Coroutine<Subprocess> createSubprocessExec(ProcessBuilder pb) throws IOException {
        return createSubprocessExec(pb, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #createSubprocessExec(ProcessBuilder)} with the readers' {@code limit}. */
    public static Coroutine<Subprocess> createSubprocessExec(ProcessBuilder pb, int limit) throws IOException {
        Objects.requireNonNull(pb, "pb");
        return start(pb, limit);
    }

    /**
     * Runs {@code cmd} through the shell ({@code /bin/sh -c}, {@code cmd.exe /c} on Windows), its streams inherited
     * as asyncio's defaults.
     */
    public static Coroutine<Subprocess> createSubprocessShell(String cmd) throws IOException {
        return createSubprocessShell(Stdio.inherit(), cmd);
    }

    /** Runs {@code cmd} through the shell, its streams redirected as {@code stdio} says. */
    public static Coroutine<Subprocess> createSubprocessShell(Stdio stdio, String cmd) throws IOException {
        Objects.requireNonNull(stdio, "stdio");
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return createSubprocessExec(stdio.applyTo(windows ? new ProcessBuilder("cmd.exe", "/c", cmd)
                : new ProcessBuilder("/bin/sh", "-c", cmd)));
    }

    /** The coroutine of {@code createSubprocessExec}: starts the process when awaited. */
    @Async
    private static Coroutine<Subprocess> start(ProcessBuilder pb, int limit) throws IOException {
        return Coroutine.of(Subprocess.start(Asyncio.getRunningLoop(), pb, limit));
    }
}
