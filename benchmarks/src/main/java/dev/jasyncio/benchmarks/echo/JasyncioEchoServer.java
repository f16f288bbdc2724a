package dev.jasyncio.benchmarks.echo;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.LoopGroup;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamReader;
import dev.jasyncio.streams.StreamWriter;
import dev.jasyncio.streams.Streams;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.IntConsumer;

import static dev.jasyncio.Asyncio.await;

/**
 * The echo server on jasyncio: asyncio's textbook handler, {@code read}, {@code write}, {@code drain}; on one loop,
 * or on a {@link LoopGroup} of several; plain TCP or TLS.
 */
final class JasyncioEchoServer {

    private JasyncioEchoServer() {
    }

    @Async
    static Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            while (true) {
                byte[] data = await(reader.read(65536));
                if (data.length == 0) {
                    break;
                }
                writer.write(data);
                await(writer.drain());
            }
        } finally {
            writer.close();
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> serve(int port, IntConsumer ready, SSLContext ssl) throws IOException {
        Server server = ssl == null
                ? await(Streams.startServer(JasyncioEchoServer::handle, "127.0.0.1", port,
                        StreamReader.DEFAULT_LIMIT, EchoServerMain.BACKLOG))
                : await(Streams.startServer(JasyncioEchoServer::handle, "127.0.0.1", port, ssl));
        ready.accept(((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort());
        await(server.serveForever());
        return Coroutine.of(null);
    }

    /** Runs the server until the process ends: on the calling thread for one loop, else on a loop group. */
    static void run(int port, IntConsumer ready, int loops, SSLContext ssl, LoopGroup.Listening how)
            throws IOException, InterruptedException {
        if (loops == 1) {
            Asyncio.run(serve(port, ready, ssl));
            return;
        }
        try (LoopGroup group = LoopGroup.open(loops)) {
            Server server = group.startServer(JasyncioEchoServer::handle, "127.0.0.1", port, ssl, how);
            ready.accept(((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort());
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
