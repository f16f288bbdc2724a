package dev.jasyncio.benchmarks.echo;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamReader;
import dev.jasyncio.streams.StreamWriter;
import dev.jasyncio.streams.Streams;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.IntConsumer;

import static dev.jasyncio.Asyncio.await;

/** The echo server on one jasyncio loop: asyncio's textbook handler, {@code read}, {@code write}, {@code drain}. */
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
    static Coroutine<Void> serve(int port, IntConsumer ready) throws IOException {
        Server server = await(Streams.startServer(JasyncioEchoServer::handle, "127.0.0.1", port,
                StreamReader.DEFAULT_LIMIT, EchoServerMain.BACKLOG));
        ready.accept(((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort());
        await(server.serveForever());
        return Coroutine.of(null);
    }

    /** Runs the server on the calling thread until the process ends. */
    static void run(int port, IntConsumer ready) throws IOException {
        Asyncio.run(serve(port, ready));
    }
}
