package dev.jasyncio;

import dev.jasyncio.annotations.Async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import static dev.jasyncio.Asyncio.await;

/**
 * The coroutines of the loop's low-level socket methods ({@code sock_recv}, {@code sock_sendall},
 * {@code sock_connect}, {@code sock_accept}, and for datagrams {@code sock_recvfrom}, {@code sock_sendto}), as
 * asyncio's selector loop: try the operation at once; if the channel is not ready, register a callback that retries
 * it when the selector says so and completes a future ({@link #whenReady}). The future's done callback removes the
 * registration, so cancelling the await (directly, by {@code waitFor} or by a timeout) leaves no interest behind and
 * consumes nothing from the channel.
 */
final class SocketOps {

    private SocketOps() {
    }

    static void requireNonBlocking(SelectableChannel ch) {
        if (ch.isBlocking()) {
            throw new IllegalArgumentException("the channel must be non-blocking: " + ch);
        }
    }

    /** One non-blocking try of an operation: its result, or null while the channel is not ready for it. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws IOException;
    }

    /**
     * The future of {@code op} retried each time {@code channel} is ready (for writing if {@code write}): asyncio's
     * {@code add_reader(fd, self._sock_recv, fut, ...)} with {@code fut.add_done_callback(self._sock_read_done)}.
     */
    private static <T> Future<T> whenReady(SelectableChannel channel, boolean write, Attempt<T> op) {
        EventLoop loop = EventLoop.requireRunning();
        Future<T> future = loop.createFuture();
        Runnable ready = () -> {
            if (future.done()) {
                return; // cancelled; the clean-up is on its way
            }
            try {
                T r = op.run();
                if (r != null) {
                    future.setResult(r);
                }
            } catch (IOException | RuntimeException e) {
                future.setException(e);
            }
        };
        Handle handle = write ? loop.addWriter(channel, ready) : loop.addReader(channel, ready);
        future.addDoneCallback(f -> {
            // A newer registration on the channel replaced (and cancelled) ours: leave it alone.
            if (!handle.cancelled()) {
                if (write) {
                    loop.removeWriter(channel);
                } else {
                    loop.removeReader(channel);
                }
            }
        });
        return future;
    }

    /** {@code sockRecv}: up to {@code n} bytes; empty at end of stream. */
    static Coroutine<byte[]> recv(SocketChannel channel, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative buffer size: " + n);
        }
        return recvChecked(channel, n);
    }

    @Async
    private static Coroutine<byte[]> recvChecked(SocketChannel channel, int n) throws IOException {
        requireNonBlocking(channel);
        byte[] data = read(channel, n);
        if (data != null) {
            return Coroutine.of(data);
        }
        return Coroutine.of(await(whenReady(channel, false, () -> read(channel, n))));
    }

    private static byte[] read(SocketChannel channel, int n) throws IOException {
        if (n == 0) {
            return new byte[0];
        }
        ByteBuffer buf = ByteBuffer.allocate(n);
        int r = channel.read(buf);
        if (r < 0) {
            return new byte[0];
        }
        if (r == 0) {
            return null;
        }
        byte[] out = new byte[r];
        buf.flip().get(out);
        return out;
    }

    /** {@code sockRecvInto}: as many bytes as {@code buffer} has room for; -1 at end of stream. */
    @Async
    static Coroutine<Integer> recvInto(SocketChannel channel, ByteBuffer buffer) throws IOException {
        requireNonBlocking(channel);
        if (!buffer.hasRemaining()) {
            return Coroutine.of(0);
        }
        int r = channel.read(buffer);
        if (r != 0) {
            return Coroutine.of(r);
        }
        return Coroutine.of(await(whenReady(channel, false, () -> {
            int got = channel.read(buffer);
            return got != 0 ? got : null;
        })));
    }

    /** {@code sockSendall}: every byte, however many writes it takes. */
    static Coroutine<Void> sendAll(SocketChannel channel, byte[] data) throws IOException {
        // A copy: the caller may reuse its array while the send is pending, as Python's bytes cannot change.
        return sendAll(channel, ByteBuffer.wrap(data.clone()));
    }

    @Async
    private static Coroutine<Void> sendAll(SocketChannel channel, ByteBuffer data) throws IOException {
        requireNonBlocking(channel);
        channel.write(data);
        if (data.hasRemaining()) {
            await(whenReady(channel, true, () -> {
                channel.write(data);
                return data.hasRemaining() ? null : Boolean.TRUE;
            }));
        }
        return Coroutine.of(null);
    }

    /** {@code sockConnect}: a non-blocking connect, finished when the selector reports it. */
    @Async
    static Coroutine<Void> connect(SocketChannel channel, SocketAddress address) throws IOException {
        requireNonBlocking(channel);
        if (address instanceof InetSocketAddress && ((InetSocketAddress) address).isUnresolved()) {
            // Name resolution blocks: on the executor, as asyncio's getaddrinfo.
            InetSocketAddress unresolved = (InetSocketAddress) address;
            address = await(EventLoop.requireRunning().runInExecutor(null,
                    () -> new InetSocketAddress(unresolved.getHostString(), unresolved.getPort())));
        }
        if (!channel.connect(address)) {
            await(whenReady(channel, true, () -> channel.finishConnect() ? Boolean.TRUE : null));
        }
        return Coroutine.of(null);
    }

    /** {@code sockAccept}: the next connection, made non-blocking. */
    @Async
    static Coroutine<SocketChannel> accept(ServerSocketChannel channel) throws IOException {
        requireNonBlocking(channel);
        SocketChannel c = acceptNow(channel);
        if (c != null) {
            return Coroutine.of(c);
        }
        return Coroutine.of(await(whenReady(channel, false, () -> acceptNow(channel))));
    }

    private static SocketChannel acceptNow(ServerSocketChannel channel) throws IOException {
        SocketChannel c = channel.accept();
        if (c != null) {
            c.configureBlocking(false);
        }
        return c;
    }

    /** {@code sockRecvfrom}: the next datagram, at most {@code max} bytes of it, and its sender. */
    static Coroutine<Datagram> recvFrom(DatagramChannel channel, int max) throws IOException {
        if (max < 0) {
            throw new IllegalArgumentException("negative buffer size: " + max);
        }
        return recvFromChecked(channel, max);
    }

    @Async
    private static Coroutine<Datagram> recvFromChecked(DatagramChannel channel, int max) throws IOException {
        requireNonBlocking(channel);
        Datagram d = receive(channel, max);
        if (d != null) {
            return Coroutine.of(d);
        }
        return Coroutine.of(await(whenReady(channel, false, () -> receive(channel, max))));
    }

    /** One {@code receive}: null if no datagram is waiting. The part beyond {@code max} is dropped, as recvfrom. */
    private static Datagram receive(DatagramChannel channel, int max) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(max);
        SocketAddress from = channel.receive(buf);
        if (from == null) {
            return null;
        }
        byte[] out = new byte[buf.flip().remaining()];
        buf.get(out);
        return new Datagram(out, from);
    }

    /** {@code sockSendto}: one datagram, sent whole once the channel has room; how many bytes were sent. */
    static Coroutine<Integer> sendTo(DatagramChannel channel, ByteBuffer data, SocketAddress to) throws IOException {
        // A copy: a datagram goes whole or not at all, and the caller may reuse its buffer while we wait.
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return sendToChecked(channel, copy, to);
    }

    @Async
    private static Coroutine<Integer> sendToChecked(DatagramChannel channel, ByteBuffer data, SocketAddress to)
            throws IOException {
        requireNonBlocking(channel);
        Integer n = send(channel, data, to);
        if (n != null) {
            return Coroutine.of(n);
        }
        return Coroutine.of(await(whenReady(channel, true, () -> send(channel, data, to))));
    }

    /** Null if the channel had no room for the datagram (a datagram channel sends all of it or nothing). */
    private static Integer send(DatagramChannel channel, ByteBuffer data, SocketAddress to) throws IOException {
        int len = data.remaining();
        int n = channel.send(data, to);
        return n == 0 && len > 0 ? null : n;
    }
}
