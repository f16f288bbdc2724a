package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.internal.LibraryFrame;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * asyncio's {@code streams} functions: {@link #openConnection} and {@link #startServer} (also on {@code Asyncio}).
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
        return new OpenConnection(host, port, limit);
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
        return new StartServer(handler, host, port, limit, backlog);
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

        OpenConnection(String host, int port, int limit) {
            this.host = host;
            this.port = port;
            this.limit = limit;
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

        StartServer(ConnectionHandler handler, String host, int port, int limit, int backlog) {
            this.handler = handler;
            this.host = host;
            this.port = port;
            this.limit = limit;
            this.backlog = backlog;
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
        return new StartProcess(pb, limit);
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
