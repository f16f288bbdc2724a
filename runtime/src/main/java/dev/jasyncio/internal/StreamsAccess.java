package dev.jasyncio.internal;

import dev.jasyncio.EventLoop;
import dev.jasyncio.streams.ConnectionHandler;
import dev.jasyncio.streams.Server;

import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The streams' machinery that {@code LoopGroup} needs and the public API does not show: a server whose accepted
 * connections are handed to another loop, and serving an accepted channel on the loop that will own it.
 * Implemented by a package-private class of {@code dev.jasyncio.streams}, loaded reflectively (as
 * {@link RuntimeAccess}).
 */
public interface StreamsAccess {

    /** The one instance. */
    StreamsAccess INSTANCE = load();

    /**
     * A server on {@code loop} (call it on that loop's thread) listening on {@code listener}, which gives each
     * accepted channel to {@code handOff} instead of serving it.
     */
    Server handOffServer(EventLoop loop, ServerSocketChannel listener, ConnectionHandler handler,
                         Consumer<SocketChannel> handOff);

    /**
     * A server on {@code loop} (call it on that loop's thread) serving the connections of {@code listener} there,
     * over TLS unless {@code ssl} is null; {@code alsoOnClose} (may be null) runs when it is closed.
     */
    Server server(EventLoop loop, ServerSocketChannel listener, ConnectionHandler handler,
                  javax.net.ssl.SSLContext ssl, Runnable alsoOnClose);

    /**
     * Serves {@code accepted} with {@code handler} on {@code loop} (call it on that loop's thread), over TLS with
     * {@code ssl} as a server unless it is null.
     */
    void serve(EventLoop loop, SocketChannel accepted, ConnectionHandler handler, javax.net.ssl.SSLContext ssl);

    private static StreamsAccess load() {
        try {
            java.lang.reflect.Constructor<?> c = Class.forName("dev.jasyncio.streams.StreamsAccessImpl", true,
                    StreamsAccess.class.getClassLoader()).getDeclaredConstructor();
            c.setAccessible(true);
            return (StreamsAccess) c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the runtime is incomplete: no dev.jasyncio.streams.StreamsAccessImpl", e);
        }
    }
}
