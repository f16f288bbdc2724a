package dev.jasyncio.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The load: {@code n} connections, each a ping-pong of one {@code size}-byte message at a time (send, wait for the
 * whole echo, send the next), on one thread with a selector, so the client costs the same whatever the server.
 * Connects are paced ({@link #MAX_CONNECTING} at a time) so the listen queue never overflows into SYN retries.
 * After a warm-up, every round trip completed in the measured window counts: throughput, and the p50 / p99 of the
 * round-trip time. Each echo's first byte is checked against the sequence number it was sent with.
 */
final class EchoLoad {

    private static final int MAX_CONNECTING = 256;

    /** What one run measured. */
    record Result(int connections, long messages, double seconds, int p50Micros, int p99Micros) {

        double messagesPerSecond() {
            return messages / seconds;
        }
    }

    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer out;
        int received;
        long sentAt;
        byte sequence;

        Conn(SocketChannel channel, int size) {
            this.channel = channel;
            this.out = ByteBuffer.allocateDirect(size);
        }
    }

    private EchoLoad() {
    }

    static Result run(int port, int n, int size, double warmupSeconds, double measureSeconds) throws IOException {
        return run(port, n, size, warmupSeconds, measureSeconds, MeasuringWindow.NONE);
    }

    /** {@link #run(int, int, int, double, double)}, telling {@code window} when counting starts and ends. */
    static Result run(int port, int n, int size, double warmupSeconds, double measureSeconds, MeasuringWindow window)
            throws IOException {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
        try (Selector selector = Selector.open()) {
            List<Conn> conns = connectAll(selector, target, n, size);
            ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
            LatencyHistogram histogram = new LatencyHistogram();
            for (Conn c : conns) {
                send(c);
                c.channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
            }
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmupSeconds * 1e9);
            long end = measureFrom + (long) (measureSeconds * 1e9);
            long now = start;
            boolean opened = false;
            while (now < end) {
                selector.select(100);
                now = System.nanoTime();
                if (!opened && now >= measureFrom) {
                    opened = true;
                    window.opened();
                }
                long stamp = now;
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    in.clear();
                    int r = c.channel.read(in);
                    if (r < 0) {
                        throw new IOException("the server closed a connection");
                    }
                    if (c.received == 0 && r > 0 && in.get(0) != c.sequence) {
                        throw new IOException("echo out of order on a connection");
                    }
                    c.received += r;
                    if (c.received >= size) {
                        if (stamp >= measureFrom && stamp < end) {
                            histogram.record(stamp - c.sentAt);
                        }
                        send(c);
                    }
                }
                selector.selectedKeys().clear();
            }
            window.closed();
            for (Conn c : conns) {
                c.channel.close();
            }
            int p50 = histogram.percentile(0.50);
            int p99 = histogram.percentile(0.99);
            return new Result(n, histogram.count(), measureSeconds, p50, p99);
        }
    }

    private static void send(Conn c) throws IOException {
        c.sequence++;
        c.out.clear();
        c.out.put(0, c.sequence);
        c.received = 0;
        c.sentAt = System.nanoTime();
        while (c.out.hasRemaining()) {
            c.channel.write(c.out); // a small message into an empty send buffer: done at once
        }
    }

    private static List<Conn> connectAll(Selector selector, InetSocketAddress target, int n, int size)
            throws IOException {
        List<Conn> conns = new ArrayList<>(n);
        int started = 0;
        int pending = 0;
        while (conns.size() < n) {
            while (started < n && pending < MAX_CONNECTING) {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Conn c = new Conn(ch, size);
                if (ch.connect(target)) {
                    ch.register(selector, 0, c);
                    conns.add(c);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                    pending++;
                }
                started++;
            }
            selector.select(1000);
            for (SelectionKey key : selector.selectedKeys()) {
                Conn c = (Conn) key.attachment();
                if (c.channel.finishConnect()) {
                    key.interestOps(0);
                    conns.add(c);
                    pending--;
                }
            }
            selector.selectedKeys().clear();
        }
        return conns;
    }
}
