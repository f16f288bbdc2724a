package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.LoopGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A loop group's TLS server: each connection's handshake and life on the loop it was handed to. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopGroupTlsTest {

    @Test
    void tlsEchoAcrossBothLoops() throws Exception {
        Pki pki = Pki.get();
        Set<String> servedOn = ConcurrentHashMap.newKeySet();
        ConnectionHandler echo = (r, w) -> {
            servedOn.add(Thread.currentThread().getName());
            return Net.echo().handle(r, w);
        };
        try (LoopGroup group = LoopGroup.open(2)) {
            Server server = group.startServer(echo, "127.0.0.1", 0, pki.serverContext("TLS"));
            int port = ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
            List<Coroutine<Object>> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] data = new byte[30_000 + i];
                new java.util.Random(i).nextBytes(data);
                clients.add(coro(v -> awaiting(Streams.openConnection("localhost", port, pki.clientContext("TLS"))),
                        v -> {
                            StreamPair c = (StreamPair) v;
                            c.writer().write(data);
                            return awaiting(coro(x -> awaiting(c.reader().readexactly(data.length)), x -> {
                                c.writer().close();
                                return java.util.Arrays.equals(data, (byte[]) x);
                            }));
                        }));
            }
            Object r = Asyncio.run(coro(v -> awaiting(gather(clients))));
            assertEquals(java.util.Collections.nCopies(8, true), r);
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1"), servedOn);
        }
    }
}
