package dev.jasyncio.samples.io;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.StreamReader;
import dev.jasyncio.streams.StreamWriter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.openConnection;
import static dev.jasyncio.Asyncio.startServer;

/**
 * asyncio's classic TCP echo server and clients, many at once: a server on 127.0.0.1 answers each line with the
 * same line, and {@value #CLIENTS} clients (one task each, all on the one loop thread) each send
 * {@value #LINES} lines and check every answer.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.jasyncio.samples.io.EchoServer}
 * (optional arguments: clients, lines per client).
 */
public final class EchoServer {

    static final int CLIENTS = 200;
    static final int LINES = 20;

    private EchoServer() {
    }

    /** The handler: each line back, until the client closes. */
    @Async
    static Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws IOException {
        try {
            while (true) {
                byte[] line = await(reader.readline());
                if (line.length == 0) {
                    break;
                }
                writer.write(line);
                await(writer.drain());
            }
        } finally {
            writer.close();
        }
        return Coroutine.of(null);
    }

    /** One client: {@code lines} lines, each answer checked; returns how many came back right. */
    @Async
    static Coroutine<Integer> client(int port, int id, int lines) throws IOException {
        StreamPair conn = await(openConnection("127.0.0.1", port));
        int ok = 0;
        for (int i = 0; i < lines; i++) {
            byte[] line = ("client " + id + " line " + i + "\n").getBytes(StandardCharsets.UTF_8);
            conn.writer().write(line);
            await(conn.writer().drain());
            byte[] answer = await(conn.reader().readline());
            if (java.util.Arrays.equals(line, answer)) {
                ok++;
            }
        }
        conn.writer().close();
        await(conn.writer().waitClosed());
        return Coroutine.of(ok);
    }

    /** Starts the server, runs the clients concurrently, closes the server; the number of lines echoed right. */
    @Async
    public static Coroutine<Integer> run(int clients, int lines) throws IOException {
        Server server = await(startServer(EchoServer::handle, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
        List<Coroutine<Integer>> all = new ArrayList<>();
        for (int id = 0; id < clients; id++) {
            all.add(client(port, id, lines));
        }
        List<Integer> counts = await(gather(all));
        server.close();
        await(server.waitClosed());
        return Coroutine.of(counts.stream().mapToInt(Integer::intValue).sum());
    }

    @Async
    static Coroutine<Void> main(int clients, int lines) throws IOException {
        long start = System.nanoTime();
        int echoed = await(run(clients, lines));
        System.out.println(String.format(Locale.ROOT, "%d clients, %d of %d lines echoed back in %.2f s",
                clients, echoed, clients * lines, (System.nanoTime() - start) / 1e9));
        return Coroutine.of(null);
    }

    public static void main(String[] args) throws IOException {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : CLIENTS;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : LINES;
        Asyncio.run(main(clients, lines));
    }
}
