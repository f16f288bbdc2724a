package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.annotations.Async;

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

import static dev.jasyncio.Asyncio.await;

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
        return connect(host, port, limit);
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
        return serve(handler, host, port, limit, backlog);
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

    /** The coroutine of {@code openConnection}: asyncio's {@code create_connection} without happy eyeballs. */
    @Async
    private static Coroutine<StreamPair> connect(String host, int port, int limit) throws IOException {
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
            return Coroutine.of(connected(loop, channel, limit));
        }
        throw allFailed(failures);
    }

    private static StreamPair connected(EventLoop loop, SocketChannel channel, int limit) {
        StreamReader reader = new StreamReader(limit);
        StreamProtocol protocol = new StreamProtocol(loop, reader, null);
        SocketTransport transport = new SocketTransport(loop, channel, protocol, null);
        transport.start();
        return new StreamPair(reader, new StreamWriter(transport, protocol, reader));
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

    /** The coroutine of {@code startServer}: asyncio's {@code create_server} with {@code start_serving=True}. */
    @Async
    private static Coroutine<Server> serve(ConnectionHandler handler, String host, int port, int limit, int backlog)
            throws IOException {
        List<ServerSocketChannel> sockets = bindAll(await(resolve(host)), port, backlog);
        Server server = new Server(Asyncio.getRunningLoop(), sockets, handler, limit, backlog);
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
        return start(pb, limit);
    }

    /** Runs {@code cmd} through the shell ({@code /bin/sh -c}, {@code cmd.exe /c} on Windows), streams piped. */
    public static Coroutine<Subprocess> createSubprocessShell(String cmd) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return createSubprocessExec(windows ? new ProcessBuilder("cmd.exe", "/c", cmd)
                : new ProcessBuilder("/bin/sh", "-c", cmd));
    }

    /** The coroutine of {@code createSubprocessExec}: starts the process when awaited. */
    @Async
    private static Coroutine<Subprocess> start(ProcessBuilder pb, int limit) throws IOException {
        return Coroutine.of(Subprocess.start(Asyncio.getRunningLoop(), pb, limit));
    }
}
