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
    public void serve(EventLoop loop, SocketChannel accepted, ConnectionHandler handler) {
        StreamReader reader = new StreamReader(StreamReader.DEFAULT_LIMIT);
        StreamProtocol protocol = new StreamProtocol(loop, reader, handler);
        new SocketTransport(loop, accepted, protocol, null).start();
    }
}
