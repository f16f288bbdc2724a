package dev.jasyncio.streams;

import dev.jasyncio.EventLoop;
import dev.jasyncio.internal.StreamsAccess;

import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@link StreamsAccess}, for {@code LoopGroup}: the accepting loop hands connections to the loop that serves them. */
final class StreamsAccessImpl implements StreamsAccess {

    StreamsAccessImpl() {
    }

    @Override
    public Server handOffServer(EventLoop loop, ServerSocketChannel listener, ConnectionHandler handler,
                                Consumer<SocketChannel> handOff) {
        List<ServerSocketChannel> sockets = new ArrayList<>(List.of(listener));
        Server server = new Server(loop, sockets, handler, StreamReader.DEFAULT_LIMIT, Streams.BACKLOG);
        server.handOff(handOff);
        server.startServingNow();
        return server;
    }

    @Override
    public Server server(EventLoop loop, ServerSocketChannel listener, ConnectionHandler handler,
                         javax.net.ssl.SSLContext ssl, Runnable alsoOnClose) {
        List<ServerSocketChannel> sockets = new ArrayList<>(List.of(listener));
        Server server = new Server(loop, sockets, handler, StreamReader.DEFAULT_LIMIT, Streams.BACKLOG);
        if (ssl != null) {
            server.useTls(new TlsSettings(ssl, null, TlsSettings.DEFAULT_HANDSHAKE_TIMEOUT));
        }
        if (alsoOnClose != null) {
            server.alsoOnClose(alsoOnClose);
        }
        server.startServingNow();
        return server;
    }

    @Override
    public void serve(EventLoop loop, SocketChannel accepted, ConnectionHandler handler,
                      javax.net.ssl.SSLContext ssl) {
        StreamReader reader = new StreamReader(StreamReader.DEFAULT_LIMIT);
        StreamProtocol protocol = new StreamProtocol(loop, reader, handler);
        Protocol below = protocol;
        if (ssl != null) {
            TlsSettings tls = new TlsSettings(ssl, null, TlsSettings.DEFAULT_HANDSHAKE_TIMEOUT);
            below = new TlsProtocol(loop, ssl, tls.serverEngine(), protocol, null, tls.handshakeTimeout());
        }
        new SocketTransport(loop, accepted, below, null).start();
    }
}
