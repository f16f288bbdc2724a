package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.sync.Event;
import dev.jasyncio.sync.Semaphore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;

/**
 * The client side of the many-connections echo test, in its own process so that the two ends of 10,000 connections
 * do not share one file-descriptor limit. Every client connects; once all are connected, each sends its payload,
 * half-closes, reads the echo to the end and compares checksums. Prints {@code connected N ok M bytes B}.
 *
 * <p>Arguments: port, number of connections, largest payload.
 */
public final class EchoClients {

    private final int port;
    private final int count;
    private final Event allConnected = new Event();
    /** Bounds the connects in flight, so the listen backlog does not overflow into SYN retries. */
    private final Semaphore connecting = new Semaphore(256);
    private int connected;
    private int ok;
    private long bytes;
    private final List<String> failures = new ArrayList<>();

    private EchoClients(int port, int count) {
        this.port = port;
        this.count = count;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int maxPayload = Integer.parseInt(args[2]);
        EchoClients c = new EchoClients(port, count);
        Asyncio.run(c.all(maxPayload));
        System.out.println("connected " + c.connected + " ok " + c.ok + " bytes " + c.bytes);
        c.failures.stream().limit(5).forEach(System.out::println);
        System.exit(c.ok == count ? 0 : 1);
    }

    private Coroutine<Object> all(int maxPayload) {
        SplittableRandom random = new SplittableRandom(42);
        List<Coroutine<Object>> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[1 + random.nextInt(maxPayload)];
            random.nextBytes(payload);
            clients.add(client(payload));
        }
        return coro("clients", v -> awaiting(gather(clients)), v -> null);
    }

    private Coroutine<Object> client(byte[] payload) {
        StreamPair[] p = new StreamPair[1];
        return coro("client",
                v -> awaiting(connecting.acquire()),
                v -> awaiting(Streams.openConnection("127.0.0.1", port)),
                catching((v, e) -> {
                    connecting.release();
                    if (e != null) {
                        failures.add("connect: " + e);
                        connected++; // counted, so the others are not kept waiting for it
                        if (connected == count) {
                            allConnected.set();
                        }
                        return null;
                    }
                    p[0] = (StreamPair) v;
                    if (++connected == count) {
                        allConnected.set();
                    }
                    return awaiting(allConnected.await());
                }),
                v -> {
                    if (p[0] == null) {
                        return null;
                    }
                    p[0].writer().write(payload);
                    return awaiting(p[0].writer().drain());
                },
                v -> {
                    if (p[0] == null) {
                        return null;
                    }
                    p[0].writer().writeEof();
                    return awaiting(p[0].reader().read());
                },
                catching((v, e) -> {
                    if (p[0] == null) {
                        return null;
                    }
                    if (e != null) {
                        failures.add("read: " + e);
                    } else {
                        byte[] echoed = (byte[]) v;
                        bytes += echoed.length;
                        if (echoed.length == payload.length && crc(echoed) == crc(payload)) {
                            ok++;
                        } else {
                            failures.add("mismatch: sent " + payload.length + " got " + echoed.length);
                        }
                    }
                    p[0].writer().close();
                    return awaiting(p[0].writer().waitClosed());
                }),
                catching((v, e) -> null));
    }

    private static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }
}
