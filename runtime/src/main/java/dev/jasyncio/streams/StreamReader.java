package dev.jasyncio.streams;

import dev.jasyncio.AsyncIterable;
import dev.jasyncio.AsyncIterator;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.IncompleteReadError;
import dev.jasyncio.LimitOverrunError;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.Operators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code StreamReader}: the receiving side of a connection or a pipe, read with {@link #read(int)},
 * {@link #readline()}, {@link #readexactly(int)} and {@link #readuntil(byte[])}.
 *
 * <p>The transport feeds bytes into a buffer as they arrive, whether or not anyone is reading; a read takes them
 * from the buffer, waiting for more when it needs to. Waiting is only a notification: a read that is cancelled
 * (or timed out by {@code waitFor}) takes nothing, and the bytes that arrive meanwhile stay for the next read. One
 * coroutine reads at a time. The limit (64 KiB by default) bounds {@code readuntil} and {@code readline}, and
 * reading from the transport pauses while more than twice the limit is buffered.
 *
 * <p>A failure of the connection (an {@link IOException}) is thrown by the next read, even with bytes still
 * buffered, as in asyncio; {@link #exception()} tells.
 */
public class StreamReader implements AsyncIterable<byte[]> {

    /** asyncio's {@code _DEFAULT_LIMIT}: 64 KiB. */
    public static final int DEFAULT_LIMIT = 1 << 16;

    static final byte[] EMPTY = new byte[0];
    static final byte[] NEWLINE = {'\n'};

    final int limit;
    final ByteQueue buffer = new ByteQueue();
    boolean eof;
    private Future<Void> waiter;
    private Throwable exception;
    private ReadTransport transport;
    private boolean paused;

    /**
     * {@code async for line in reader}: {@code for (byte[] line : aiter(reader))} in an async body reads line after
     * line ({@link #readline()}, each with its {@code \n}, the last one maybe without) until EOF; a read failure
     * reaches the loop.
     */
    @Override
    public AsyncIterator<byte[]> asyncIterator() {
        return Operators.lines(this).asyncIterator();
    }

    /** A reader with the default limit, fed by {@link #feedData(byte[])} (or by a transport). */
    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /** A reader whose {@code readuntil} and {@code readline} look at most {@code limit} bytes ahead. */
    public StreamReader(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.limit = limit;
    }

    /** The limit given at creation. */
    public int limit() {
        return limit;
    }

    /** The failure that ended the stream, or null. */
    public Throwable exception() {
        return exception;
    }

    /** Ends the stream with {@code exc}: the waiting read and every later one throw it. */
    public void setException(Throwable exc) {
        exception = Objects.requireNonNull(exc, "exc");
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setException(exc);
                w.exception(); // looked at by the read it wakes; no "never retrieved" warning for it
            }
        }
    }

    /** Marks the end of the stream: reads return what is buffered, then nothing. */
    public void feedEof() {
        eof = true;
        wakeupWaiter();
    }

    /** Whether the stream has ended and every byte has been read. */
    public boolean atEof() {
        return eof && buffer.size() == 0;
    }

    /** Adds {@code data} to the buffer (copied) and wakes the waiting read. */
    public void feedData(byte[] data) {
        feedData(data, 0, data.length);
    }

    /** Adds {@code len} bytes of {@code data} from {@code off} (copied). */
    public void feedData(byte[] data, int off, int len) {
        if (eof) {
            throw new IllegalStateException("feed_data after feed_eof");
        }
        if (len == 0) {
            return;
        }
        buffer.append(data, off, len);
        afterFeed();
    }

    /** Adds what remains in {@code data}, consuming it: the transports' path, one copy. */
    void feedData(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("feed_data after feed_eof");
        }
        if (!data.hasRemaining()) {
            return;
        }
        buffer.append(data);
        afterFeed();
    }

    private void afterFeed() {
        wakeupWaiter();
        if (transport != null && !paused && buffer.size() > 2 * limit) {
            transport.pauseReading();
            paused = true;
        }
    }

    void setTransport(ReadTransport t) {
        if (transport != null) {
            throw new IllegalStateException("Transport already set");
        }
        transport = t;
    }

    /** How many bytes are buffered (tests, diagnostics). */
    int buffered() {
        return buffer.size();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reads

    /** Reads until the end of the stream and returns every byte. */
    public Coroutine<byte[]> read() throws IOException {
        return read(-1);
    }

    /**
     * Reads up to {@code n} bytes: as soon as at least one is buffered, what is there (at most {@code n}); empty at
     * the end of the stream. {@code n < 0} reads until the end; {@code n == 0} returns an empty array at once.
     */
    @Async
    public Coroutine<byte[]> read(int n) throws IOException {
        checkException();
        if (n == 0) {
            return Coroutine.of(EMPTY);
        }
        if (n < 0) {
            // As asyncio: read(limit) until the end, so a paused transport is resumed on the way.
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                byte[] block = await(read(limit));
                if (block.length == 0) {
                    return Coroutine.of(all.toByteArray());
                }
                all.write(block, 0, block.length);
            }
        }
        if (buffer.size() == 0 && !eof) {
            await(waitForData("read"));
        }
        return Coroutine.of(takeBytes(n));
    }

    /**
     * Reads one line, ending with {@code \n}: at the end of the stream, what is left without it (empty if nothing).
     * A line longer than the limit raises {@link IllegalArgumentException} (Python's {@code ValueError}), caused by
     * the {@link dev.jasyncio.LimitOverrunError}; that line (or the whole buffer, if no newline is in it yet) is
     * dropped.
     */
    @Async
    public Coroutine<byte[]> readline() throws IOException {
        try {
            return Coroutine.of(await(readUntil(new byte[][] {NEWLINE})));
        } catch (IncompleteReadError e) {
            return Coroutine.of(e.partial());
        } catch (LimitOverrunError e) {
            if (buffer.startsWith(NEWLINE, e.consumed())) {
                buffer.skip(e.consumed() + 1);
            } else {
                buffer.clear();
            }
            maybeResumeTransport();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * {@link #readline()} decoded with {@code charset}, as Python's {@code (await reader.readline()).decode(...)}:
     * the line keeps its {@code \n}, the end of the stream gives {@code ""}, malformed input becomes U+FFFD. Lines
     * are split at the byte {@code \n}, so the charset must encode it as that byte alone (UTF-8, US-ASCII,
     * ISO-8859-x; not UTF-16).
     */
    @Async
    public Coroutine<String> readline(Charset charset) throws IOException {
        Objects.requireNonNull(charset, "charset");
        return Coroutine.of(new String(await(readline()), charset));
    }

    /**
     * Reads exactly {@code n} bytes; {@link IncompleteReadError} if the stream ends first (its
     * {@link IncompleteReadError#partial()} has what was left).
     */
    @Async
    public Coroutine<byte[]> readexactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        checkException();
        if (n == 0) {
            return Coroutine.of(EMPTY);
        }
        while (buffer.size() < n) {
            if (eof) {
                byte[] incomplete = buffer.take(buffer.size());
                throw new IncompleteReadError(incomplete, n);
            }
            await(waitForData("readexactly"));
        }
        return Coroutine.of(takeBytes(n));
    }

    /** {@code readuntil(new byte[] {'\n'})}. */
    public Coroutine<byte[]> readuntil() throws IOException {
        return readuntil(NEWLINE);
    }

    /**
     * Reads up to and including {@code separator}. {@link IncompleteReadError} at the end of the stream without it
     * (the buffer is emptied into {@code partial}); {@link dev.jasyncio.LimitOverrunError} if it is not within
     * {@link #limit()} bytes, the data staying in the buffer.
     */
    public Coroutine<byte[]> readuntil(byte[] separator) throws IOException {
        return readUntil(new byte[][] {separator});
    }

    /** Python 3.13's tuple of separators: reads up to the earliest end of any of them (the shortest wins ties). */
    public Coroutine<byte[]> readuntil(byte[]... separators) throws IOException {
        // Sorted now, in a copy: the caller may change its array before the await.
        byte[][] sorted = separators.clone();
        Arrays.sort(sorted, Comparator.comparingInt(s -> s.length));
        return readUntil(sorted);
    }

    /** {@code readuntil} over separators sorted by length. */
    @Async
    private Coroutine<byte[]> readUntil(byte[][] separators) {
        if (separators.length == 0) {
            throw new IllegalArgumentException("Separator should contain at least one element");
        }
        if (separators[0].length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        checkException();
        int minSeplen = separators[0].length;
        int maxSeplen = separators[separators.length - 1].length;
        // How far from the front no separator can start: the search resumes there.
        int offset = 0;
        while (true) {
            int buflen = buffer.size();
            if (buflen - offset >= minSeplen) {
                int matchStart = -1;
                int matchEnd = -1;
                for (byte[] sep : separators) {
                    int i = buffer.indexOf(sep, offset);
                    if (i != -1) {
                        int end = i + sep.length;
                        if (matchEnd == -1 || end < matchEnd) {
                            matchEnd = end;
                            matchStart = i;
                        }
                    }
                }
                if (matchEnd != -1) {
                    if (matchStart > limit) {
                        throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
                    }
                    return Coroutine.of(takeBytes(matchEnd));
                }
                offset = Math.max(0, buflen + 1 - maxSeplen);
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            // A complete separator may have arrived with the end of the stream: the buffer is looked at first.
            if (eof) {
                byte[] chunk = buffer.take(buflen);
                throw new IncompleteReadError(chunk, null);
            }
            await(waitForData("readuntil"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // For the read coroutines

    /** Throws the stream's failure, if any. */
    void checkException() {
        if (exception != null) {
            throw AsyncSupport.<RuntimeException>sneaky(exception);
        }
    }

    /**
     * asyncio's {@code _wait_for_data}: waits for the transport to feed data (or the end of the stream), and clears
     * the wait whatever ended it, so a cancelled read leaves the buffer as it was.
     */
    @Async
    private Coroutine<Void> waitForData(String funcName) {
        Future<Void> w = startWaiting(funcName);
        try {
            await(w);
        } finally {
            waiter = null;
        }
        return Coroutine.of(null);
    }

    /** The first half of {@code _wait_for_data}: the future the read waits on. */
    private Future<Void> startWaiting(String funcName) {
        if (waiter != null) {
            throw new IllegalStateException(funcName + "() called while another coroutine is already waiting for "
                    + "incoming data");
        }
        if (eof) {
            throw new IllegalStateException("_wait_for_data after EOF");
        }
        // Waiting while paused would wait forever (readexactly(n) with n above the limit): resume.
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = Asyncio.getRunningLoop().createFuture();
        waiter = w;
        return w;
    }

    /** Takes up to {@code n} bytes out and resumes the transport if the buffer is low again. */
    byte[] takeBytes(int n) {
        byte[] data = buffer.take(n);
        maybeResumeTransport();
        return data;
    }

    void maybeResumeTransport() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    private void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setResult(null);
            }
        }
    }

    /** asyncio's repr: {@code <StreamReader 5 bytes eof>}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<StreamReader");
        if (buffer.size() > 0) {
            s.append(' ').append(buffer.size()).append(" bytes");
        }
        if (eof) {
            s.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            s.append(" limit=").append(limit);
        }
        if (waiter != null) {
            s.append(" waiter=").append(waiter);
        }
        if (exception != null) {
            s.append(" exception=").append(exception);
        }
        if (paused) {
            s.append(" paused");
        }
        return s.append('>').toString();
    }
}
