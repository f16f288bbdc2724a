package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.annotations.Async;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;

/**
 * The coroutines of {@code openUnixConnection} and {@code startUnixServer} (asyncio's {@code open_unix_connection}
 * and {@code start_unix_server}), on the JDK's Unix domain socket channels. As asyncio 3.13: a stale socket file at
 * the path is removed before binding, and closing the server removes the file it made, unless another file has
 * taken its place since.
 */
final class UnixSockets {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    /** {@code S_IFMT} and {@code S_IFSOCK} of {@code stat(2)}. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private UnixSockets() {
    }

    /** The coroutine of {@code openUnixConnection}. */
    @Async
    static Coroutine<StreamPair> open(Path path, int limit) throws IOException {
        EventLoop loop = Asyncio.getRunningLoop();
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            await(loop.sockConnect(channel, UnixDomainSocketAddress.of(path)));
        } catch (Throwable t) {
            closeQuietly(channel);
            throw t;
        }
        return Coroutine.of(Streams.connected(loop, channel, limit));
    }

    /** The coroutine of {@code startUnixServer}. */
    @Async
    static Coroutine<Server> start(ConnectionHandler handler, Path path, int limit, int backlog) throws IOException {
        ServerSocketChannel s = bind(path, backlog);
        Server server = new Server(Asyncio.getRunningLoop(), new ArrayList<>(List.of(s)), handler, limit, backlog);
        server.removeOnClose(path, fileKey(path));
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

    /** Binds a listening channel at {@code path}, first removing a socket file left there by a dead server. */
    static ServerSocketChannel bind(Path path, int backlog) throws IOException {
        removeStaleSocket(path);
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.bind(UnixDomainSocketAddress.of(path), backlog);
            s.configureBlocking(false);
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            if (e instanceof BindException) {
                BindException b = new BindException("Address '" + path + "' is already in use");
                b.initCause(e);
                throw b;
            }
            throw e;
        }
    }

    private static void removeStaleSocket(Path path) {
        try {
            if (isSocket(path)) {
                Files.delete(path);
            }
        } catch (NoSuchFileException gone) {
            // nothing to remove
        } catch (IOException e) {
            // The directory may let us create a socket and no more: bind decides.
            LOG.log(System.Logger.Level.ERROR, "Unable to check or remove stale UNIX socket '" + path + "': " + e);
        }
    }

    private static boolean isSocket(Path path) throws IOException {
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (((Integer) mode) & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        }
    }

    /** The identity of the file at {@code path} (device and inode on Unix), or null. */
    static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** asyncio 3.13's clean-up: removes the socket file if it is still the one the server made. */
    static void cleanUp(Path path, Object key) {
        if (key == null) {
            return;
        }
        try {
            if (key.equals(fileKey(path))) {
                Files.delete(path);
            }
        } catch (NoSuchFileException gone) {
            // removed by someone else
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Unable to clean up listening UNIX socket '" + path + "': " + e);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
