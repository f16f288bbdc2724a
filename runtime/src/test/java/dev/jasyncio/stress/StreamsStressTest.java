package dev.jasyncio.stress;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.ConnectionHandler;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.StreamReader;
import dev.jasyncio.streams.StreamWriter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.streams.Streams.openConnection;
import static dev.jasyncio.streams.Streams.startServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients streaming random data to a loopback server are cancelled at random points (connecting, draining,
 * pausing) and close their writers on the way out: every byte a client's {@code write} accepted must reach the
 * server, in order, and nothing else (byte counts and CRC-32s per connection). Seeded; real sockets, so a few
 * seconds per seed.
 */
@Timeout(120)
class StreamsStressTest {

    private static final String HOST = "127.0.0.1";

    /** Bytes and CRC-32 of one connection's data (after its 4-byte id). */
    private record Tally(long bytes, long crc) {
    }

    /** The server side: reads the id, then everything up to EOF, and records what it got. */
    private static ConnectionHandler recorder(Map<Integer, Tally> received) {
        return (reader, writer) -> receive(reader, writer, received);
    }

    @Async
    private static Coroutine<Void> receive(StreamReader reader, StreamWriter writer, Map<Integer, Tally> received)
            throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        CRC32 crc = new CRC32();
        long bytes = 0;
        try {
            while (true) {
                byte[] data = await(reader.read(65536));
                if (data.length == 0) {
                    break;
                }
                int off = 0;
                while (head.hasRemaining() && off < data.length) {
                    head.put(data[off++]);
                }
                crc.update(data, off, data.length - off);
                bytes += data.length - off;
            }
        } finally {
            writer.close();
        }
        if (!head.hasRemaining()) {
            received.put(head.getInt(0), new Tally(bytes, crc.getValue()));
        }
        return Coroutine.of(null);
    }

    @Async
    private static Coroutine<Void> client(int port, int id, Random random, Map<Integer, Tally> sent)
            throws IOException {
        StreamPair pair = await(openConnection(HOST, port));
        StreamWriter writer = pair.writer();
        CRC32 crc = new CRC32();
        long bytes = 0;
        try {
            writer.write(ByteBuffer.allocate(4).putInt(id).array());
            sent.put(id, new Tally(0, crc.getValue()));
            int chunks = 5 + random.nextInt(30);
            for (int i = 0; i < chunks; i++) {
                byte[] chunk = new byte[1 + random.nextInt(32 * 1024)];
                random.nextBytes(chunk);
                writer.write(chunk);
                // Accepted by write: it must arrive, whatever happens to this task from now on.
                crc.update(chunk);
                bytes += chunk.length;
                sent.put(id, new Tally(bytes, crc.getValue()));
                await(writer.drain());
                if (random.nextInt(3) == 0) {
                    await(sleep(random.nextDouble() * 0.003));
                }
            }
        } finally {
            writer.close(); // flushes what write accepted, as asyncio's transport close
        }
        return Coroutine.of(null);
    }

    @Async
    private static Coroutine<Integer> run(long seed) throws IOException {
        Random random = new Random(seed);
        Map<Integer, Tally> received = new TreeMap<>();
        Map<Integer, Tally> sent = new TreeMap<>();
        Server server = await(startServer(recorder(received), HOST, 0));
        int port = ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
        List<Task<Void>> clients = new ArrayList<>();
        for (int id = 0; id < 24; id++) {
            clients.add(createTask(client(port, id, new Random(random.nextLong()), sent)));
        }
        int cancelled = 0;
        for (int i = 0; i < 16; i++) {
            await(sleep(random.nextDouble() * 0.01));
            Task<Void> victim = clients.get(random.nextInt(clients.size()));
            if (!victim.done() && victim.cancel()) {
                cancelled++;
            }
        }
        await(gather(clients, true));
        // The server reads each connection to its end: wait until it has recorded every one a client opened.
        double deadline = Asyncio.getRunningLoop().time() + 30;
        while (!received.keySet().containsAll(sent.keySet()) && Asyncio.getRunningLoop().time() < deadline) {
            await(sleep(0.01));
        }
        server.close();
        await(server.waitClosed());
        assertEquals(sent, received, "seed " + seed);
        return Coroutine.of(cancelled);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyByteAClientWroteReachesTheServerWhateverIsCancelled(long seed) throws IOException {
        int cancelled = Asyncio.run(run(seed));
        assertTrue(cancelled > 0, "the chaos cancelled nothing, seed " + seed);
    }
}
