package dev.jasyncio.benchmarks.echo;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.StreamPair;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;

/**
 * The TLS load: as {@link EchoLoad} ({@code n} connections, each a ping-pong of one {@code size}-byte message at a
 * time, on one thread), over TLS with the JDK's provider. It runs on one jasyncio loop: the client is the same
 * whatever the server, so it weighs the same in every row. Connections are opened (and their handshakes done)
 * {@value #MAX_CONNECTING} at a time before the clock starts.
 */
final class TlsEchoLoad {

    private static final int MAX_CONNECTING = 256;

    /** The clock of one run, shared by its connections (all on the one loop thread). */
    private static final class Clock {
        long measureFrom;
        long end;
        boolean stopping;
        final LatencyHistogram histogram = new LatencyHistogram();
    }

    private TlsEchoLoad() {
    }

    static EchoLoad.Result run(int port, int n, int size, double warmupSeconds, double measureSeconds,
                               SSLContext ssl, MeasuringWindow window) throws IOException {
        return Asyncio.run(drive(port, n, size, warmupSeconds, measureSeconds, ssl, window));
    }

    @Async
    private static Coroutine<EchoLoad.Result> drive(int port, int n, int size, double warmup, double seconds,
                                                    SSLContext ssl, MeasuringWindow window) throws IOException {
        List<StreamPair> conns = new ArrayList<>(n);
        while (conns.size() < n) {
            List<Coroutine<StreamPair>> batch = new ArrayList<>();
            for (int i = conns.size(); i < n && batch.size() < MAX_CONNECTING; i++) {
                batch.add(Asyncio.openConnection("127.0.0.1", port, ssl));
            }
            conns.addAll(await(gather(batch)));
        }
        EventLoop loop = getRunningLoop();
        Clock clock = new Clock();
        long start = System.nanoTime();
        clock.measureFrom = start + (long) (warmup * 1e9);
        clock.end = clock.measureFrom + (long) (seconds * 1e9);
        loop.callLater(warmup, window::opened);
        loop.callLater(warmup + seconds, () -> {
            window.closed();
            clock.stopping = true;
        });
        List<Coroutine<Void>> pingers = new ArrayList<>();
        for (StreamPair c : conns) {
            pingers.add(pingPong(c, size, clock));
        }
        await(gather(pingers));
        for (StreamPair c : conns) {
            c.writer().close();
        }
        LatencyHistogram h = clock.histogram;
        return Coroutine.of(new EchoLoad.Result(n, h.count(), seconds, h.percentile(0.50), h.percentile(0.99)));
    }

    /** One connection's ping-pong until the clock says stop; each echo's first byte is checked. */
    @Async
    private static Coroutine<Void> pingPong(StreamPair c, int size, Clock clock) throws IOException {
        byte[] message = new byte[size];
        byte sequence = 0;
        while (!clock.stopping) {
            sequence++;
            message[0] = sequence;
            long sentAt = System.nanoTime();
            c.writer().write(message);
            await(c.writer().drain());
            byte[] echo = await(c.reader().readexactly(size));
            long now = System.nanoTime();
            if (echo[0] != sequence) {
                throw new IOException("echo out of order on a connection");
            }
            if (now >= clock.measureFrom && now < clock.end) {
                clock.histogram.record(now - sentAt);
            }
        }
        return Coroutine.of(null);
    }
}
