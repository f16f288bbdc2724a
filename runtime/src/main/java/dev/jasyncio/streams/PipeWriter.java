package dev.jasyncio.streams;

import dev.jasyncio.EventLoop;
import dev.jasyncio.internal.Threads;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WriteTransport} over a blocking {@link OutputStream} (a child process's stdin): writes are queued, and a
 * writer thread (virtual when available) sends them in order. Each chunk counts in the write buffer until that
 * thread reports it written, so {@code drain} applies the same high / low water marks as on a socket.
 * {@link #close()} and {@link #writeEof()} close the stream after the queued data.
 */
final class PipeWriter extends FlowControlledTransport implements Runnable {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    private static final Object CLOSE = new Object();
    /** How often an idle writer thread looks whether the loop has closed. */
    private static final long POLL_MS = 500;

    private final OutputStream out;
    private final Runnable onClosed;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private int bufferSize;
    private boolean closing;
    private boolean lost;
    private int droppedWrites;
    private Thread writer;
    private final String name;

    PipeWriter(EventLoop loop, OutputStream out, StreamProtocol protocol, String name, Runnable onClosed) {
        super(loop, protocol);
        this.out = out;
        this.name = name;
        this.onClosed = onClosed;
    }

    void start() {
        protocol.connectionMade(this, null);
    }

    @Override
    public void write(byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        if (closing || lost) {
            // As asyncio's pipe transport: dropped (drain reports the lost pipe), logged when it goes on.
            if (++droppedWrites >= 5) {
                LOG.log(System.Logger.Level.WARNING, "pipe closed by peer or os.write(pipe, data) raised exception.");
            }
            return;
        }
        byte[] chunk = new byte[len];
        System.arraycopy(data, off, chunk, 0, len);
        bufferSize += len;
        enqueue(chunk);
        maybePauseProtocol();
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        for (byte[] d : data) {
            write(d, 0, d.length);
        }
    }

    private void enqueue(Object item) {
        if (writer == null) {
            writer = Threads.start(name, this);
        }
        queue.add(item);
    }

    /** The writer thread. */
    @Override
    public void run() {
        try {
            while (true) {
                Object item = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (loop.isClosed()) {
                        out.close(); // the loop is gone: nobody will write or close any more
                        return;
                    }
                    continue;
                }
                if (item == CLOSE) {
                    out.close();
                    post(() -> connectionLost(null));
                    return;
                }
                byte[] chunk = (byte[]) item;
                out.write(chunk);
                out.flush();
                post(() -> written(chunk.length));
            }
        } catch (IOException e) {
            queue.clear();
            try {
                out.close();
            } catch (IOException ignored) {
                // the pipe is broken anyway
            }
            post(() -> connectionLost(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void written(int n) {
        if (lost) {
            return;
        }
        bufferSize -= n;
        maybeResumeProtocol();
    }

    private void post(Runnable r) {
        if (loop.isClosed()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(r);
        } catch (IllegalStateException loopClosed) {
            // nobody left to tell
        }
    }

    private void connectionLost(Throwable exc) {
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        bufferSize = 0;
        try {
            protocol.connectionLost(exc);
        } finally {
            onClosed.run();
        }
    }

    /** The child exited: what is still queued can no longer be read (asyncio: a broken pipe if any). */
    void processExited() {
        if (lost) {
            return;
        }
        if (bufferSize > 0) {
            abortWith(new IOException("Broken pipe"));
        } else {
            close();
        }
    }

    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        enqueue(CLOSE);
    }

    @Override
    public void abort() {
        abortWith(null);
    }

    private void abortWith(Throwable exc) {
        closing = true;
        queue.clear();
        try {
            out.close();
        } catch (IOException e) {
            // closed anyway
        }
        connectionLost(exc);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public int getWriteBufferSize() {
        return bufferSize;
    }

    @Override
    public Object getExtraInfo(String key) {
        return "pipe".equals(key) ? out : null;
    }

    @Override
    public String toString() {
        return "<PipeWriter" + (closing ? " closing" : "") + " bufsize=" + bufferSize + ">";
    }
}
