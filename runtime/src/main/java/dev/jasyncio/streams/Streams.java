package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.internal.LibraryFrame;

import javax.net.ssl.SSLContext;
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
        return new OpenConnection(host, port, limit, null);
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
        return new OpenConnection(host, port, StreamReader.DEFAULT_LIMIT,
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
        return new StartServer(handler, host, port, StreamReader.DEFAULT_LIMIT, BACKLOG,
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

    /** {@link #startServer(ConnectionHandler, String, int)} with the readers' {@code limit} and the listen backlog. */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port, int limit,
                                                int backlog) throws IOException {
        Objects.requireNonNull(handler, "handler");
        return new StartServer(handler, host, port, limit, backlog, null);
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
        return new UnixSockets.Open(path, limit);
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
        return new UnixSockets.Start(handler, path, limit, backlog);
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    /** Resolves {@code host} (null: the wildcard address) on the default executor unless it is a literal. */
    abstract static class Resolving<T> extends LibraryFrame<T> {

        final Object resolve(String host, int resumeAt) {
            if (host == null) {
                return jump(resumeAt, new InetAddress[] {null}, null);
            }
            if (isIpLiteral(host)) {
                try {
                    return jump(resumeAt, InetAddress.getAllByName(host), null);
                } catch (IOException e) {
                    return jump(resumeAt, null, e);
                }
            }
            return await(task.getLoop().runInExecutor(null, () -> InetAddress.getAllByName(host)), resumeAt);
        }
    }

    /** The coroutine of {@code openConnection}: asyncio's {@code create_connection} without happy eyeballs. */
    private static final class OpenConnection extends Resolving<StreamPair> {

        private final String host;
        private final int port;
        private final int limit;
        private InetAddress[] addresses;
        private int next;
        private SocketChannel channel;
        private List<Throwable> failures;
        /** Null for plain TCP. */
        private final TlsSettings tls;
        private TlsProtocol tlsProtocol;
        private StreamPair pair;

        OpenConnection(String host, int port, int limit, TlsSettings tls) {
            this.host = host;
            this.port = port;
            this.limit = limit;
            this.tls = tls;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            switch (label) {
                case 0:
                    return resolve(host, 1);
                case 1:
                    rethrow(error);
                    addresses = (InetAddress[]) value;
                    return jump(2, null, null);
                case 2:
                    if (next == addresses.length) {
                        throw allFailed();
                    }
                    InetSocketAddress target = new InetSocketAddress(addresses[next++], port);
                    try {
                        channel = SocketChannel.open();
                        channel.configureBlocking(false);
                        return await(task.getLoop().sockConnect(channel, target), 3);
                    } catch (IOException e) {
                        return jump(3, null, e);
                    }
                case 4:
                    // The TLS handshake's outcome.
                    if (error != null) {
                        tlsProtocol.abort(); // failed: already closing; cancelled: the connection goes with it
                        rethrow(error);
                    }
                    return pair;
                default:
                    if (error != null) {
                        closeChannel();
                        if (!(error instanceof IOException)) {
                            rethrow(error); // cancelled, or not a network failure: no other address is tried
                        }
                        if (failures == null) {
                            failures = new ArrayList<>(1);
                        }
                        failures.add(error);
                        return jump(2, null, null);
                    }
                    if (tls != null) {
                        return startTls();
                    }
                    return connected();
            }
        }

        private StreamPair connected() {
            EventLoop loop = task.getLoop();
            StreamReader reader = new StreamReader(limit);
            StreamProtocol protocol = new StreamProtocol(loop, reader, null);
            SocketTransport transport = new SocketTransport(loop, channel, protocol, null);
            transport.start();
            return new StreamPair(reader, new StreamWriter(transport, protocol, reader));
        }

        /** asyncio's SSLProtocol between the socket and the streams; the await returns when the handshake is done. */
        private Object startTls() {
            EventLoop loop = task.getLoop();
            StreamReader reader = new StreamReader(limit);
            StreamProtocol protocol = new StreamProtocol(loop, reader, null);
            dev.jasyncio.Future<Void> handshake = loop.createFuture();
            javax.net.ssl.SSLEngine engine;
            try {
                engine = tls.clientEngine(host, port);
            } catch (RuntimeException e) {
                closeChannel();
                throw e;
            }
            tlsProtocol = new TlsProtocol(loop, tls.context(), engine, protocol, handshake, tls.handshakeTimeout());
            pair = new StreamPair(reader, new StreamWriter(tlsProtocol.appTransport(), protocol, reader));
            new SocketTransport(loop, channel, tlsProtocol, null).start();
            return await(handshake, 4);
        }

        private RuntimeException allFailed() {
            Throwable first = failures.get(0);
            if (failures.size() == 1) {
                return dev.jasyncio.internal.AsyncSupport.sneaky(first);
            }
            StringBuilder message = new StringBuilder("Multiple exceptions: ");
            boolean same = true;
            for (int i = 0; i < failures.size(); i++) {
                Throwable f = failures.get(i);
                same &= String.valueOf(f.getMessage()).equals(String.valueOf(first.getMessage()));
                message.append(i == 0 ? "" : ", ").append(f.getMessage());
            }
            if (same) {
                return dev.jasyncio.internal.AsyncSupport.sneaky(first);
            }
            ConnectException e = new ConnectException(message.toString());
            failures.forEach(e::addSuppressed);
            return dev.jasyncio.internal.AsyncSupport.sneaky(e);
        }

        private void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing a channel that failed to connect
                }
                channel = null;
            }
        }

        @Override
        public String coroutineName() {
            return "open_connection";
        }
    }

    /** The coroutine of {@code startServer}: asyncio's {@code create_server} with {@code start_serving=True}. */
    private static final class StartServer extends Resolving<Server> {

        private final ConnectionHandler handler;
        private final String host;
        private final int port;
        private final int limit;
        private final int backlog;
        private Server server;
        /** Null for plain TCP. */
        private final TlsSettings tls;

        StartServer(ConnectionHandler handler, String host, int port, int limit, int backlog, TlsSettings tls) {
            this.handler = handler;
            this.host = host;
            this.port = port;
            this.limit = limit;
            this.backlog = backlog;
            this.tls = tls;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            switch (label) {
                case 0:
                    return resolve(host, 1);
                case 1:
                    rethrow(error);
                    List<ServerSocketChannel> sockets = bindAll((InetAddress[]) value);
                    server = new Server(task.getLoop(), sockets, handler, limit, backlog);
                    if (tls != null) {
                        server.useTls(tls);
                    }
                    server.startServingNow();
                    return await(Asyncio.sleep(0), 2);
                default:
                    if (error != null) {
                        server.close();
                        rethrow(error);
                    }
                    return server;
            }
        }

        private List<ServerSocketChannel> bindAll(InetAddress[] addresses) {
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
                    rethrow(b);
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

        @Override
        public String coroutineName() {
            return "start_server";
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Subprocesses

    /**
     * Starts {@code args[0]} with the arguments that follow, its stdin, stdout and stderr piped (Java's default;
     * Python's defaults are to inherit them and {@code PIPE} is asked for), and returns it once started.
     */
    public static Coroutine<Subprocess> createSubprocessExec(String... args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("no program given");
        }
        return createSubprocessExec(new ProcessBuilder(args));
    }

    /**
     * Starts the process {@code pb} describes (working directory, environment, redirections): the streams it
     * leaves as {@link ProcessBuilder.Redirect#PIPE} become the {@link Subprocess}'s streams, the others are null.
     */
    public static Coroutine<Subprocess> createSubprocessExec(ProcessBuilder pb) throws IOException {
        return createSubprocessExec(pb, StreamReader.DEFAULT_LIMIT);
    }

    /** {@link #createSubprocessExec(ProcessBuilder)} with the readers' {@code limit}. */
    public static Coroutine<Subprocess> createSubprocessExec(ProcessBuilder pb, int limit) throws IOException {
        Objects.requireNonNull(pb, "pb");
        return new StartProcess(pb, limit);
    }

    /** Runs {@code cmd} through the shell ({@code /bin/sh -c}, {@code cmd.exe /c} on Windows), streams piped. */
    public static Coroutine<Subprocess> createSubprocessShell(String cmd) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return createSubprocessExec(windows ? new ProcessBuilder("cmd.exe", "/c", cmd)
                : new ProcessBuilder("/bin/sh", "-c", cmd));
    }

    private static final class StartProcess extends LibraryFrame<Subprocess> {

        private final ProcessBuilder pb;
        private final int limit;

        StartProcess(ProcessBuilder pb, int limit) {
            this.pb = pb;
            this.limit = limit;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            try {
                return Subprocess.start(task.getLoop(), pb, limit);
            } catch (IOException e) {
                rethrow(e);
                return null;
            }
        }

        @Override
        public String coroutineName() {
            return "create_subprocess_exec";
        }
    }
}
