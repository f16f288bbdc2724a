package dev.jasyncio.streams;

import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import dev.jasyncio.internal.Faults;

import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asyncio's {@code StreamReaderProtocol} with its {@code FlowControlMixin}: between a transport and the streams. It
 * feeds the {@link StreamReader}, holds the writer's flow control ({@code drain} waits while the transport is above
 * its high-water mark), knows when the connection is lost ({@code waitClosed}), and on a server starts the handler
 * for the new connection.
 */
final class StreamProtocol implements Protocol {

    final EventLoop loop;
    private StreamReader reader;
    private final ConnectionHandler handler;
    private WriteTransport transport;

    private boolean writingPaused;
    private ArrayDeque<Future<Void>> drainWaiters;
    private boolean connectionLost;

    /** The connection is gone: {@link #lostWith} is how. {@link #closedWaiter} is made only if someone waits. */
    private boolean lost;
    private Throwable lostWith;
    private Future<Void> closedWaiter;

    StreamProtocol(EventLoop loop, StreamReader reader, ConnectionHandler handler) {
        this.loop = loop;
        this.reader = reader;
        this.handler = handler;
    }

    // ---------------------------------------------------------------------------------------------------------
    // From the transport

    @Override
    public void connectionMade(WriteTransport t, ReadTransport source) {
        transport = t;
        if (reader != null && source != null) {
            reader.setTransport(source);
        }
        if (handler == null) {
            return;
        }
        StreamWriter writer = new StreamWriter(t, this, reader);
        Coroutine<?> res;
        try {
            res = handler.handle(reader, writer);
        } catch (Throwable e) {
            Faults.rethrowIfFatal(e);
            reportHandlerFailure(e, t);
            return;
        }
        if (res != null) {
            Task<?> task = loop.createTask(res);
            task.addDoneCallback(f -> {
                if (f.cancelled()) {
                    t.close();
                    return;
                }
                Throwable exc = f.exception();
                if (exc != null) {
                    reportHandlerFailure(exc, t);
                }
            });
        }
    }

    private void reportHandlerFailure(Throwable exc, WriteTransport t) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", "Unhandled exception in client_connected_cb");
        context.put("exception", exc);
        context.put("transport", t);
        loop.callExceptionHandler(context);
        t.close();
    }

    @Override
    public void dataReceived(java.nio.ByteBuffer data) {
        if (reader != null) {
            reader.feedData(data);
        }
    }

    /** The peer will send no more; true: keep the connection open for writing (half-close). */
    @Override
    public boolean eofReceived() {
        if (reader != null) {
            reader.feedEof();
        }
        return true;
    }

    @Override
    public void connectionLost(Throwable exc) {
        if (reader != null) {
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
        }
        if (!lost) {
            lost = true;
            lostWith = exc;
            Future<Void> w = closedWaiter;
            if (w != null && !w.done()) {
                if (exc == null) {
                    w.setResult(null);
                } else {
                    w.setException(exc);
                    w.exception(); // asyncio's __del__ marks it retrieved: a closed connection is no news
                }
            }
        }
        // FlowControlMixin.connection_lost: wake the writers if paused.
        connectionLost = true;
        if (writingPaused && drainWaiters != null) {
            for (Future<Void> w : drainWaiters) {
                if (!w.done()) {
                    if (exc == null) {
                        w.setResult(null);
                    } else {
                        w.setException(exc);
                    }
                }
            }
        }
        reader = null;
        transport = null;
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        if (drainWaiters != null) {
            for (Future<Void> w : drainWaiters) {
                if (!w.done()) {
                    w.setResult(null);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // For the writer

    /** {@code _drain_helper}, first half: null if there is no need to wait, else the future to wait on. */
    Future<Void> drainWaiter() throws SocketException {
        if (connectionLost) {
            throw new SocketException("Connection lost");
        }
        if (!writingPaused) {
            return null;
        }
        if (drainWaiters == null) {
            drainWaiters = new ArrayDeque<>(2);
        }
        Future<Void> w = loop.createFuture();
        drainWaiters.add(w);
        return w;
    }

    void drainDone(Future<Void> w) {
        drainWaiters.remove(w);
    }

    /** Whether the connection is lost; then {@link #lostWith()} says how. */
    boolean isLost() {
        return lost;
    }

    Throwable lostWith() {
        return lostWith;
    }

    /** The future {@code waitClosed} awaits while the connection is up. */
    Future<Void> closedWaiter() {
        if (closedWaiter == null) {
            closedWaiter = loop.createFuture();
        }
        return closedWaiter;
    }
}
