package dev.jasyncio.samples.io;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Datagram;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.waitFor;

/**
 * A UDP echo server and its clients on one loop, with asyncio 3.11's {@code sock_recvfrom} / {@code sock_sendto}
 * on non-blocking {@link DatagramChannel}s: the server task sends each datagram back to its sender until it is
 * cancelled; {@value #CLIENTS} clients each send {@value #DATAGRAMS} numbered datagrams and check every answer
 * (a lost datagram is sent again after {@value #RETRY_SECONDS} s: UDP promises nothing).
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.jasyncio.samples.io.DatagramEcho}
 * (optional arguments: clients, datagrams per client).
 */
public final class DatagramEcho {

    static final int CLIENTS = 20;
    static final int DATAGRAMS = 50;
    static final double RETRY_SECONDS = 0.5;

    /** What a run did: datagrams echoed right, and datagrams the server handled. */
    public record Result(int echoed, int served) {
    }

    private DatagramEcho() {
    }

    /** The server: each datagram back to where it came from, until cancelled; how many it answered. */
    @Async
    static Coroutine<Integer> serve(DatagramChannel channel, int[] served) throws IOException {
        EventLoop loop = getRunningLoop();
        while (true) {
            Datagram d = await(loop.sockRecvfrom(channel, 65507));
            await(loop.sockSendto(channel, ByteBuffer.wrap(d.data()), d.address()));
            served[0]++;
        }
    }

    /** One client: {@code count} datagrams, each answer checked; how many came back right. */
    @Async
    static Coroutine<Integer> client(SocketAddress server, int id, int count) throws IOException {
        EventLoop loop = getRunningLoop();
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        int ok = 0;
        try {
            for (int i = 0; i < count; i++) {
                byte[] message = ("client " + id + " datagram " + i).getBytes(StandardCharsets.UTF_8);
                Datagram answer = null;
                while (answer == null) {
                    await(loop.sockSendto(channel, ByteBuffer.wrap(message), server));
                    try {
                        // Cancelled by the timeout, the receive takes nothing: a late answer is read next time.
                        answer = await(waitFor(loop.sockRecvfrom(channel, 1024), RETRY_SECONDS));
                        if (!Arrays.equals(message, answer.data())) {
                            answer = null; // a late answer to an earlier try
                        }
                    } catch (TimeoutError lost) {
                        answer = null;
                    }
                }
                if (server.equals(answer.address())) {
                    ok++;
                }
            }
        } finally {
            channel.close();
        }
        return Coroutine.of(ok);
    }

    /** Starts the server, runs the clients concurrently, then cancels the server. */
    @Async
    public static Coroutine<Result> run(int clients, int count) throws IOException {
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        int[] served = new int[1];
        Task<Integer> server = createTask(serve(channel, served), "udp-echo");
        int echoed = 0;
        try {
            List<Coroutine<Integer>> all = new ArrayList<>();
            for (int id = 0; id < clients; id++) {
                all.add(client(channel.getLocalAddress(), id, count));
            }
            List<Integer> counts = await(gather(all));
            echoed = counts.stream().mapToInt(Integer::intValue).sum();
        } finally {
            server.cancel();
            try {
                await(server);
            } catch (CancelledError expected) {
                // the server's pending receive was cancelled with it
            }
            channel.close();
        }
        return Coroutine.of(new Result(echoed, served[0]));
    }

    @Async
    static Coroutine<Void> main(int clients, int count) throws IOException {
        long start = System.nanoTime();
        Result r = await(run(clients, count));
        System.out.println(String.format(Locale.ROOT, "%d clients, %d of %d datagrams echoed back in %.2f s"
                + " (the server answered %d)", clients, r.echoed(), clients * count,
                (System.nanoTime() - start) / 1e9, r.served()));
        return Coroutine.of(null);
    }

    public static void main(String[] args) throws IOException {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : CLIENTS;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DATAGRAMS;
        Asyncio.run(main(clients, count));
    }
}
