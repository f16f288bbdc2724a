package dev.jasyncio;

import dev.jasyncio.internal.StreamsAccess;
import dev.jasyncio.streams.ConnectionHandler;
import dev.jasyncio.streams.Server;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several event loops, one per thread, to use several cores (Netty's {@code EventLoopGroup}, Kotlin's
 * dispatchers; asyncio has one loop per thread and leaves the rest to the user). A task belongs to one loop for its
 * whole life, so asyncio's semantics hold unchanged inside each loop; work crosses loops only through the
 * thread-safe entry points ({@link #submit}, {@link Asyncio#runCoroutineThreadsafe}, awaiting a
 * {@link CompletableFuture}).
 *
 * <pre>{@code
 * try (LoopGroup group = LoopGroup.open(Runtime.getRuntime().availableProcessors())) {
 *     Server server = group.startServer(EchoServer::handle, "0.0.0.0", 8888);   // each connection on one loop
 *     int answer = group.submit(() -> compute()).join();                          // a coroutine on one loop
 * }                                                                              // cancels what still runs
 * }</pre>
 */
public final class LoopGroup implements AutoCloseable {

    /** asyncio's default listen backlog. */
    private static final int BACKLOG = 100;

    private final EventLoop[] loops;
    private final Thread[] threads;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    private LoopGroup(int n) {
        loops = new EventLoop[n];
        threads = new Thread[n];
        CountDownLatch running = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            EventLoop loop = new EventLoop();
            loops[i] = loop;
            threads[i] = new Thread(() -> runLoop(loop, running), "jasyncio-loop-" + i);
            threads[i].start();
        }
        try {
            running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the loops were starting", e);
        }
    }

    /** Starts {@code loops} event loops, each on its own (platform, non-daemon) thread. */
    public static LoopGroup open(int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("a loop group needs at least one loop, got " + loops);
        }
        return new LoopGroup(loops);
    }

    /** The thread of one loop: runs it until {@link #close()}, then cancels its tasks, lets them finish, closes it. */
    private static void runLoop(EventLoop loop, CountDownLatch running) {
        try {
            loop.callSoon(running::countDown);
            loop.runForever();
        } finally {
            try {
                Asyncio.cancelAllTasks(loop);
            } finally {
                loop.close();
            }
        }
    }

    /** How many loops the group runs. */
    public int size() {
        return loops.length;
    }

    /** The {@code i}-th loop (0-based), for {@link Asyncio#runCoroutineThreadsafe} or {@code callSoonThreadsafe}. */
    public EventLoop loop(int i) {
        return loops[i];
    }

    /** The next loop in turn. */
    private EventLoop nextLoop() {
        return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
    }

    /**
     * Runs the coroutine that {@code main} makes as a task on one of the loops (each in turn) and returns its
     * outcome as a {@link CompletableFuture}: cancelling that future cancels the task. {@code main} is called on
     * the loop's thread.
     */
    public <T> CompletableFuture<T> submit(AsyncSupplier<T> main) {
        Objects.requireNonNull(main, "main");
        checkOpen();
        EventLoop loop = nextLoop();
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            if (result.isCancelled()) {
                return;
            }
            Task<T> task;
            try {
                task = loop.createTask(Objects.requireNonNull(main.get(), "the supplier returned no coroutine"));
            } catch (Throwable e) {
                result.completeExceptionally(e);
                return;
            }
            task.addDoneCallback(t -> {
                if (t.cancelled()) {
                    result.cancel(false);
                } else if (t.exception() != null) {
                    result.completeExceptionally(t.exception());
                } else {
                    result.complete(t.result());
                }
            });
            result.whenComplete((v, e) -> {
                if (result.isCancelled() && !task.done()) {
                    try {
                        loop.callSoonThreadsafe(task::cancel);
                    } catch (IllegalStateException loopClosed) {
                        // cancelled with the loop already
                    }
                }
            });
        });
        return result;
    }

    /**
     * Listens on {@code host:port} (port 0: a free port, see {@link Server#sockets()}) and serves each accepted
     * connection on one of the loops, in turn, for its whole life: the first loop accepts and hands each channel
     * to the loop that serves it. The returned {@link Server} belongs to the first loop: stop listening with
     * {@code server.getLoop().callSoonThreadsafe(server::close)}, or close the group.
     */
    public Server startServer(ConnectionHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, null);
    }

    /**
     * {@link #startServer(ConnectionHandler, String, int)} over TLS ({@code ssl} holds the server's key and
     * certificate; null: plain TCP): each connection's handshake runs on the loop that serves it.
     */
    public Server startServer(ConnectionHandler handler, String host, int port, SSLContext ssl) throws IOException {
        return startServer(handler, host, port, ssl, Listening.ACCEPTOR);
    }

    /** How a loop group's server spreads connections over its loops. */
    public enum Listening {
        /** One listening socket on the first loop, which hands each accepted connection to the next loop in turn. */
        ACCEPTOR,
        /**
         * One listening socket per loop on the same port ({@code SO_REUSEPORT}): the kernel spreads the connections
         * (Linux: by a hash of the addresses), and each loop accepts its own, with no hand-off. Where the platform
         * lacks the option, {@link UnsupportedOperationException}.
         */
        REUSE_PORT
    }

    /**
     * {@link #startServer(ConnectionHandler, String, int, SSLContext)} with the way connections reach the loops.
     * With {@link Listening#REUSE_PORT} the returned {@link Server} is the first loop's; closing it closes the other
     * loops' listeners too, and its {@code sockets()} lists its own.
     */
    public Server startServer(ConnectionHandler handler, String host, int port, SSLContext ssl, Listening how)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(how, "how");
        checkOpen();
        if (how == Listening.ACCEPTOR) {
            ServerSocketChannel listener = listen(host, port, false);
            EventLoop acceptor = loops[0];
            return onLoop(acceptor, listener, () -> StreamsAccess.INSTANCE.handOffServer(acceptor, listener, handler,
                    c -> handOff(c, handler, ssl)));
        }
        ServerSocketChannel[] listeners = new ServerSocketChannel[loops.length];
        Server[] servers = new Server[loops.length];
        try {
            listeners[0] = listen(host, port, true);
            int bound = ((InetSocketAddress) listeners[0].getLocalAddress()).getPort();
            for (int i = 1; i < loops.length; i++) {
                listeners[i] = listen(host, bound, true);
            }
            for (int i = loops.length - 1; i >= 0; i--) {
                EventLoop loop = loops[i];
                ServerSocketChannel listener = listeners[i];
                Runnable closeOthers = i > 0 ? null : () -> {
                    for (int j = 1; j < servers.length; j++) {
                        Server other = servers[j];
                        loops[j].callSoonThreadsafe(other::close);
                    }
                };
                servers[i] = onLoop(loop, listener, () -> StreamsAccess.INSTANCE.server(loop, listener, handler, ssl,
                        closeOthers));
            }
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < loops.length; i++) {
                if (servers[i] != null) {
                    Server started = servers[i];
                    loops[i].callSoonThreadsafe(started::close);
                } else if (listeners[i] != null) {
                    listeners[i].close();
                }
            }
            throw e;
        }
        return servers[0];
    }

    private static ServerSocketChannel listen(String host, int port, boolean reusePort) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (reusePort) {
                if (!listener.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform");
                }
                listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            listener.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port), BACKLOG);
            listener.configureBlocking(false);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** Makes a server on {@code loop}'s thread and waits for it; closes {@code listener} if that fails. */
    private static Server onLoop(EventLoop loop, ServerSocketChannel listener,
                                 java.util.function.Supplier<Server> make) throws IOException {
        CompletableFuture<Server> started = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                started.complete(make.get());
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.close();
            throw new IOException("interrupted while the server was starting", e);
        } catch (ExecutionException e) {
            listener.close();
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** On the acceptor's thread: the connection goes to the next loop, which serves it from then on. */
    private void handOff(SocketChannel c, ConnectionHandler handler, SSLContext ssl) {
        EventLoop target = nextLoop();
        if (target == loops[0]) {
            StreamsAccess.INSTANCE.serve(target, c, handler, ssl);
            return;
        }
        try {
            target.callSoonThreadsafe(() -> StreamsAccess.INSTANCE.serve(target, c, handler, ssl));
        } catch (IllegalStateException loopClosed) {
            try {
                c.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the loop group is closed");
        }
    }

    /**
     * Stops every loop: each cancels the tasks it still runs and runs them until they finish (their
     * {@code finally} blocks run, as {@code Asyncio.run} does at its end), then closes; returns when all the
     * threads have ended. Futures from {@link #submit} of cancelled tasks end cancelled. Idempotent; not from a
     * loop of the group (it would wait for itself).
     */
    @Override
    public void close() {
        for (Thread t : threads) {
            if (t == Thread.currentThread()) {
                throw new IllegalStateException("a loop group cannot be closed from one of its own loops");
            }
        }
        closed = true;
        for (EventLoop loop : loops) {
            if (loop != null) {
                try {
                    loop.callSoonThreadsafe(loop::stop);
                } catch (IllegalStateException alreadyClosed) {
                    // its thread has ended
                }
            }
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t != null && t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "<LoopGroup loops=" + loops.length + (closed ? " closed" : "") + ">";
    }
}
