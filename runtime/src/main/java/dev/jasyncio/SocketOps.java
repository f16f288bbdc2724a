package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The coroutines of the loop's low-level socket methods ({@code sock_recv}, {@code sock_sendall},
 * {@code sock_connect}, {@code sock_accept}, and for datagrams {@code sock_recvfrom}, {@code sock_sendto}), as asyncio's selector loop: try the operation at once; if the channel
 * is not ready, register a callback that retries it when the selector says so and completes a future. The future's
 * done callback removes the registration, so cancelling the await (directly, by {@code waitFor} or by a timeout)
 * leaves no interest behind and consumes nothing from the channel.
 */
final class SocketOps {

    private SocketOps() {
    }

    static void requireNonBlocking(SelectableChannel ch) {
        if (ch.isBlocking()) {
            throw new IllegalArgumentException("the channel must be non-blocking: " + ch);
        }
    }

    /** Base of the four: a future, the retry callback, the clean-up when the future is done. */
    private abstract static class SockOp<T> extends LibraryFrame<T> implements Runnable {

        final SelectableChannel channel;
        Future<T> future;

        SockOp(SelectableChannel channel) {
            this.channel = channel;
        }

        /** One attempt: completes {@link #future} if the operation is done. */
        abstract void attempt() throws IOException;

        /** Waits for the channel, retrying {@link #attempt()} each time it is ready. */
        final Object waitReady(boolean write) {
            EventLoop loop = task.getLoop();
            future = loop.createFuture();
            Handle handle = write ? loop.addWriter(channel, this) : loop.addReader(channel, this);
            Consumer<Future<T>> cleanup = f -> {
                // A newer registration on the channel replaced (and cancelled) ours: leave it alone.
                if (!handle.cancelled()) {
                    if (write) {
                        loop.removeWriter(channel);
                    } else {
                        loop.removeReader(channel);
                    }
                }
            };
            future.addDoneCallback(cleanup);
            return await(future, 1);
        }

        /** The channel is ready. */
        @Override
        public final void run() {
            if (future.done()) {
                return; // cancelled; the clean-up is on its way
            }
            try {
                attempt();
            } catch (IOException | RuntimeException e) {
                future.setException(e);
            }
        }

        /** After the wait: the future's outcome. */
        final Object finish(Object value, Throwable error) {
            rethrow(error);
            return value;
        }
    }

    /** {@code sockRecv}: up to {@code n} bytes; empty at end of stream. */
    static final class Recv extends SockOp<byte[]> {

        private final int n;

        Recv(SocketChannel channel, int n) {
            super(channel);
            if (n < 0) {
                throw new IllegalArgumentException("negative buffer size: " + n);
            }
            this.n = n;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label != 0) {
                return finish(value, error);
            }
            requireNonBlocking(channel);
            byte[] data;
            try {
                data = read();
            } catch (IOException e) {
                throw sneak(e);
            }
            return data != null ? data : waitReady(false);
        }

        private byte[] read() throws IOException {
            if (n == 0) {
                return new byte[0];
            }
            ByteBuffer buf = ByteBuffer.allocate(n);
            int r = ((SocketChannel) channel).read(buf);
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

        @Override
        void attempt() throws IOException {
            byte[] data = read();
            if (data != null) {
                future.setResult(data);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_recv";
        }
    }

    /** {@code sockRecvInto}: as many bytes as {@code buffer} has room for; -1 at end of stream. */
    static final class RecvInto extends SockOp<Integer> {

        private final ByteBuffer buffer;

        RecvInto(SocketChannel channel, ByteBuffer buffer) {
            super(channel);
            this.buffer = buffer;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label != 0) {
                return finish(value, error);
            }
            requireNonBlocking(channel);
            if (!buffer.hasRemaining()) {
                return 0;
            }
            int r;
            try {
                r = ((SocketChannel) channel).read(buffer);
            } catch (IOException e) {
                throw sneak(e);
            }
            return r != 0 ? r : waitReady(false);
        }

        @Override
        void attempt() throws IOException {
            int r = ((SocketChannel) channel).read(buffer);
            if (r != 0) {
                future.setResult(r);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_recv_into";
        }
    }

    /** {@code sockSendall}: every byte, however many writes it takes. */
    static final class SendAll extends SockOp<Void> {

        private final ByteBuffer data;

        SendAll(SocketChannel channel, byte[] data) {
            super(channel);
            // A copy: the caller may reuse its array while the send is pending, as Python's bytes cannot change.
            this.data = ByteBuffer.wrap(data.clone());
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label != 0) {
                return finish(value, error);
            }
            requireNonBlocking(channel);
            try {
                ((SocketChannel) channel).write(data);
            } catch (IOException e) {
                throw sneak(e);
            }
            return data.hasRemaining() ? waitReady(true) : null;
        }

        @Override
        void attempt() throws IOException {
            ((SocketChannel) channel).write(data);
            if (!data.hasRemaining()) {
                future.setResult(null);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_sendall";
        }
    }

    /** {@code sockConnect}: a non-blocking connect, finished when the selector reports it. */
    static final class Connect extends SockOp<Void> {

        private SocketAddress address;

        Connect(SocketChannel channel, SocketAddress address) {
            super(channel);
            this.address = address;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            switch (label) {
                case 0:
                    requireNonBlocking(channel);
                    if (address instanceof InetSocketAddress && ((InetSocketAddress) address).isUnresolved()) {
                        // Name resolution blocks: on the executor, as asyncio's getaddrinfo.
                        InetSocketAddress unresolved = (InetSocketAddress) address;
                        return await(task.getLoop().runInExecutor(null,
                                () -> new InetSocketAddress(unresolved.getHostString(), unresolved.getPort())), 2);
                    }
                    return jump(2, address, null);
                case 2:
                    rethrow(error);
                    address = (SocketAddress) value;
                    try {
                        if (((SocketChannel) channel).connect(address)) {
                            return null;
                        }
                    } catch (IOException e) {
                        throw sneak(e);
                    }
                    return waitReady(true);
                default:
                    return finish(value, error);
            }
        }

        @Override
        void attempt() throws IOException {
            if (((SocketChannel) channel).finishConnect()) {
                future.setResult(null);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_connect";
        }
    }

    /** {@code sockAccept}: the next connection, made non-blocking. */
    static final class Accept extends SockOp<SocketChannel> {

        Accept(ServerSocketChannel channel) {
            super(channel);
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label != 0) {
                return finish(value, error);
            }
            requireNonBlocking(channel);
            SocketChannel c;
            try {
                c = accept();
            } catch (IOException e) {
                throw sneak(e);
            }
            return c != null ? c : waitReady(false);
        }

        private SocketChannel accept() throws IOException {
            SocketChannel c = ((ServerSocketChannel) channel).accept();
            if (c != null) {
                c.configureBlocking(false);
            }
            return c;
        }

        @Override
        void attempt() throws IOException {
            SocketChannel c = accept();
            if (c != null) {
                future.setResult(c);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_accept";
        }
    }

    /** {@code sockRecvfrom}: the next datagram, at most {@code max} bytes of it, and its sender. */
    static final class RecvFrom extends SockOp<Datagram> {

        private final int max;

        RecvFrom(DatagramChannel channel, int max) {
            super(channel);
            if (max < 0) {
                throw new IllegalArgumentException("negative buffer size: " + max);
            }
            this.max = max;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label != 0) {
                return finish(value, error);
            }
            requireNonBlocking(channel);
            Datagram d;
            try {
                d = receive();
            } catch (IOException e) {
                throw sneak(e);
            }
            return d != null ? d : waitReady(false);
        }

        /** One {@code receive}: null if no datagram is waiting. The part beyond {@code max} is dropped, as recvfrom. */
        private Datagram receive() throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(max);
            SocketAddress from = ((DatagramChannel) channel).receive(buf);
            if (from == null) {
                return null;
            }
            byte[] out = new byte[buf.flip().remaining()];
            buf.get(out);
            return new Datagram(out, from);
        }

        @Override
        void attempt() throws IOException {
            Datagram d = receive();
            if (d != null) {
                future.setResult(d);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_recvfrom";
        }
    }

    /** {@code sockSendto}: one datagram, sent whole once the channel has room; how many bytes were sent. */
    static final class SendTo extends SockOp<Integer> {

        private final ByteBuffer data;
        private final SocketAddress to;

        SendTo(DatagramChannel channel, ByteBuffer data, SocketAddress to) {
            super(channel);
            // A copy: a datagram goes whole or not at all, and the caller may reuse its buffer while we wait.
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data.duplicate()).flip();
            this.data = copy;
            this.to = to;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label != 0) {
                return finish(value, error);
            }
            requireNonBlocking(channel);
            int n;
            try {
                n = send();
            } catch (IOException e) {
                throw sneak(e);
            }
            return n >= 0 ? (Object) n : waitReady(true);
        }

        /** -1 if the channel had no room for the datagram (a datagram channel sends all of it or nothing). */
        private int send() throws IOException {
            int len = data.remaining();
            int n = ((DatagramChannel) channel).send(data, to);
            return n == 0 && len > 0 ? -1 : n;
        }

        @Override
        void attempt() throws IOException {
            int n = send();
            if (n >= 0) {
                future.setResult(n);
            }
        }

        @Override
        public String coroutineName() {
            return "sock_sendto";
        }
    }

    private static RuntimeException sneak(Throwable t) {
        return dev.jasyncio.internal.AsyncSupport.<RuntimeException>sneaky(t);
    }
}
