package dev.jasyncio.streams;

import dev.jasyncio.EventLoop;
import dev.jasyncio.internal.Threads;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds a {@link StreamReader} from a blocking {@link InputStream} (a child process's stdout or stderr): a pump
 * thread (virtual when available) reads chunks as they arrive and hands each to the loop through
 * {@code callSoonThreadsafe}.
 *
 * <p>Flow control, so a fast producer cannot fill memory: at most {@link #IN_FLIGHT} chunks wait for the loop at
 * once, and while the reader holds more than twice its limit it pauses this transport, which stops the pump
 * before its next read; the child then blocks on a full pipe, as it would under asyncio.
 */
final class PipeReader implements ReadTransport, Runnable {

    private static final int CHUNK = 64 * 1024;
    private static final int IN_FLIGHT = 2;
    /** How often a blocked pump looks whether the loop has closed, so it does not wait forever. */
    private static final long POLL_MS = 200;

    private final EventLoop loop;
    private final InputStream in;
    private final StreamReader reader;
    private final Runnable onClosed;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private boolean paused;
    /** Set on the loop thread: the transport was closed, data still on its way is dropped. */
    private volatile boolean closed;

    PipeReader(EventLoop loop, InputStream in, StreamReader reader, Runnable onClosed) {
        this.loop = loop;
        this.in = in;
        this.reader = reader;
        this.onClosed = onClosed;
    }

    void start(String name) {
        reader.setTransport(this);
        Threads.start(name, this);
    }

    @Override
    public void run() {
        byte[] buf = new byte[CHUNK];
        Throwable failure = null;
        try {
            while (true) {
                awaitResumed();
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                byte[] chunk = Arrays.copyOf(buf, n);
                while (!inFlight.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    if (loop.isClosed()) {
                        return; // nobody will take the chunks in flight
                    }
                }
                if (!post(() -> {
                    inFlight.release();
                    if (!closed) {
                        reader.feedData(chunk);
                    }
                })) {
                    return;
                }
            }
        } catch (IOException e) {
            // A pipe closed under the pump (close() below) ends the stream like an EOF.
            failure = closed ? null : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Throwable exc = failure;
        post(() -> connectionLost(exc));
    }

    private void connectionLost(Throwable exc) {
        if (!closed) {
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
        }
        closed = true;
        onClosed.run();
    }

    private boolean post(Runnable r) {
        if (loop.isClosed()) {
            return false;
        }
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (IllegalStateException loopClosed) {
            return false;
        }
    }

    private void awaitResumed() throws InterruptedException {
        lock.lock();
        try {
            while (paused && !loop.isClosed()) {
                resumed.await(POLL_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void pauseReading() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void resumeReading() {
        lock.lock();
        try {
            paused = false;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The reading side is done with ({@code communicate} closes it after reading to the end): closes the stream. A
     * pump blocked in a read only returns when the child writes or exits.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        resumeReading();
        try {
            in.close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
