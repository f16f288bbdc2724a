package dev.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The loop's I/O half: an NIO {@link Selector} and the reader and writer callbacks registered on channels, as
 * asyncio's {@code BaseSelectorEventLoop} ({@code add_reader}, {@code add_writer}, {@code _process_events}).
 *
 * <p>Each registered channel keeps one {@link SelectionKey} whose attachment holds its reader and writer handles.
 * A handle is made once per registration and put on the ready queue each time the channel is ready, as CPython
 * does. Removing the last interest leaves the key registered with no interest, because a key cancelled here could
 * not be registered again before the next select; closing the channel cancels it.
 *
 * <p>"Readable" means {@code OP_ACCEPT} for a server channel and {@code OP_READ} otherwise; "writable" means
 * {@code OP_CONNECT} for a socket whose connection is pending (the end of a non-blocking connect) and
 * {@code OP_WRITE} otherwise.
 */
final class IoSelector implements Consumer<SelectionKey> {

    private static final int READ_OPS = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
    private static final int WRITE_OPS = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;

    /** A key's attachment: the handles to schedule when the channel is ready. */
    private static final class Watchers {
        Handle reader;
        Handle writer;
    }

    private final EventLoop loop;
    private final Selector selector;

    IoSelector(EventLoop loop) {
        this.loop = loop;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event loop's selector", e);
        }
    }

    /** Registers {@code callback} to run whenever {@code ch} is readable (or writable), replacing any previous one. */
    Handle add(SelectableChannel ch, Runnable callback, boolean write) {
        Handle h = new Handle(loop, callback);
        int op = write ? writeOp(ch) : readOp(ch);
        SelectionKey key = ch.keyFor(selector);
        try {
            if (key == null) {
                Watchers w = new Watchers();
                set(w, write, h);
                ch.register(selector, op, w);
                return h;
            }
            Watchers w = (Watchers) key.attachment();
            Handle old = write ? w.writer : w.reader;
            key.interestOps(key.interestOps() | op);
            set(w, write, h);
            if (old != null) {
                old.cancel();
            }
            return h;
        } catch (ClosedChannelException | CancelledKeyException e) {
            throw new IllegalStateException("the channel is closed: " + ch, e);
        }
    }

    /** Stops watching {@code ch} for reading (or writing); false if nothing was registered. */
    boolean remove(SelectableChannel ch, boolean write) {
        SelectionKey key = ch.keyFor(selector);
        if (key == null) {
            return false;
        }
        Watchers w = (Watchers) key.attachment();
        Handle old = write ? w.writer : w.reader;
        if (old == null) {
            return false;
        }
        set(w, write, null);
        if (key.isValid()) {
            try {
                key.interestOps(key.interestOps() & ~(write ? WRITE_OPS : READ_OPS));
            } catch (CancelledKeyException closedMeanwhile) {
                // The channel was closed: nothing left to watch.
            }
        }
        old.cancel();
        return true;
    }

    /**
     * Waits for I/O up to {@code nanos} (0: poll, {@link Long#MAX_VALUE}: no limit), or until {@link #wakeup()},
     * and puts the handles of the ready channels on the loop's ready queue.
     */
    void select(long nanos) {
        try {
            if (nanos == 0) {
                selector.selectNow(this);
            } else if (nanos == Long.MAX_VALUE) {
                selector.select(this, 0);
            } else {
                selector.select(this, Math.max(1, nanos / 1_000_000L));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        }
    }

    /** One ready key, as asyncio's {@code _process_events}: schedules its handles. */
    @Override
    public void accept(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        int ops = key.readyOps();
        Watchers w = (Watchers) key.attachment();
        if ((ops & READ_OPS) != 0 && w.reader != null) {
            if (w.reader.cancelled) {
                remove(key.channel(), false);
            } else {
                loop.readyHandle(w.reader);
            }
        }
        if ((ops & WRITE_OPS) != 0 && w.writer != null) {
            if (w.writer.cancelled) {
                remove(key.channel(), true);
            } else {
                loop.readyHandle(w.writer);
            }
        }
    }

    /** From any thread: makes the current or next {@link #select} return at once. */
    void wakeup() {
        selector.wakeup();
    }

    /** How many channels are registered (closed ones included until the next select), for tests. */
    int registeredCount() {
        return selector.keys().size();
    }

    void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // Nothing to do about it: the loop is going away.
        }
    }

    private static void set(Watchers w, boolean write, Handle h) {
        if (write) {
            w.writer = h;
        } else {
            w.reader = h;
        }
    }

    private static int readOp(SelectableChannel ch) {
        return (ch.validOps() & SelectionKey.OP_ACCEPT) != 0 ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
    }

    private static int writeOp(SelectableChannel ch) {
        return ch instanceof SocketChannel && ((SocketChannel) ch).isConnectionPending()
                ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
    }
}
