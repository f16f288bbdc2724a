package dev.jasyncio.streams;

import dev.jasyncio.IncompleteReadError;
import dev.jasyncio.LimitOverrunError;
import dev.jasyncio.internal.LibraryFrame;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The coroutines of {@link StreamReader}'s reads, hand-written frames following asyncio's {@code streams.py} step
 * by step. Each waits for data through {@link StreamReader#startWaiting}, and clears the wait whatever ended it, so
 * a cancelled read leaves the buffer as it was.
 */
final class ReadFrames {

    private ReadFrames() {
    }

    /** Shared by the reads: wait for more data, then continue at {@code resumeAt}. */
    private abstract static class ReaderFrame extends LibraryFrame<byte[]> {

        final StreamReader r;

        ReaderFrame(StreamReader r) {
            this.r = r;
        }

        final Object waitForData(String funcName, int resumeAt) {
            return await(r.startWaiting(funcName, task.getLoop()), resumeAt);
        }

        /** After a wait: the {@code finally} of {@code _wait_for_data}, then its failure if any. */
        final void waited(Throwable error) {
            r.stopWaiting();
            rethrow(error);
        }
    }

    /** {@code read(n)}. */
    static final class Read extends ReaderFrame {

        private final int n;
        private ByteArrayOutputStream all;

        Read(StreamReader r, int n) {
            super(r);
            this.n = n;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            switch (label) {
                case 0:
                    r.checkException();
                    if (n == 0) {
                        return StreamReader.EMPTY;
                    }
                    if (n < 0) {
                        // As asyncio: read(limit) until the end, so a paused transport is resumed on the way.
                        all = new ByteArrayOutputStream();
                        return jump(2, null, null);
                    }
                    if (r.buffer.size() == 0 && !r.eof) {
                        return waitForData("read", 1);
                    }
                    return r.takeBytes(n);
                case 1:
                    waited(error);
                    return r.takeBytes(n);
                case 2:
                    return await(new Read(r, r.limit), 3);
                default:
                    rethrow(error);
                    byte[] block = (byte[]) value;
                    if (block.length == 0) {
                        return all.toByteArray();
                    }
                    all.write(block, 0, block.length);
                    return jump(2, null, null);
            }
        }

        @Override
        public String coroutineName() {
            return "StreamReader.read";
        }
    }

    /** {@code readexactly(n)}. */
    static final class ReadExactly extends ReaderFrame {

        private final int n;

        ReadExactly(StreamReader r, int n) {
            super(r);
            this.n = n;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label == 0) {
                if (n < 0) {
                    throw new IllegalArgumentException("readexactly size can not be less than zero");
                }
                r.checkException();
                if (n == 0) {
                    return StreamReader.EMPTY;
                }
            } else {
                waited(error);
            }
            if (r.buffer.size() < n) {
                if (r.eof) {
                    byte[] incomplete = r.buffer.take(r.buffer.size());
                    throw new IncompleteReadError(incomplete, n);
                }
                return waitForData("readexactly", 1);
            }
            return r.takeBytes(n);
        }

        @Override
        public String coroutineName() {
            return "StreamReader.readexactly";
        }
    }

    /** {@code readuntil(separator)} and its tuple form. */
    static final class ReadUntil extends ReaderFrame {

        private final byte[][] separators;
        /** How far from the front no separator can start: the search resumes there. */
        private int offset;

        ReadUntil(StreamReader r, byte[][] separators) {
            super(r);
            byte[][] sorted = separators.clone();
            Arrays.sort(sorted, Comparator.comparingInt(s -> s.length));
            this.separators = sorted;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label == 0) {
                if (separators.length == 0) {
                    throw new IllegalArgumentException("Separator should contain at least one element");
                }
                if (separators[0].length == 0) {
                    throw new IllegalArgumentException("Separator should be at least one-byte string");
                }
                r.checkException();
            } else {
                waited(error);
            }
            int minSeplen = separators[0].length;
            int maxSeplen = separators[separators.length - 1].length;
            int buflen = r.buffer.size();
            if (buflen - offset >= minSeplen) {
                int matchStart = -1;
                int matchEnd = -1;
                for (byte[] sep : separators) {
                    int i = r.buffer.indexOf(sep, offset);
                    if (i != -1) {
                        int end = i + sep.length;
                        if (matchEnd == -1 || end < matchEnd) {
                            matchEnd = end;
                            matchStart = i;
                        }
                    }
                }
                if (matchEnd != -1) {
                    if (matchStart > r.limit) {
                        throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
                    }
                    return r.takeBytes(matchEnd);
                }
                offset = Math.max(0, buflen + 1 - maxSeplen);
                if (offset > r.limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            // A complete separator may have arrived with the end of the stream: the buffer is looked at first.
            if (r.eof) {
                byte[] chunk = r.buffer.take(buflen);
                throw new IncompleteReadError(chunk, null);
            }
            return waitForData("readuntil", 1);
        }

        @Override
        public String coroutineName() {
            return "StreamReader.readuntil";
        }
    }

    /** {@code readline()}: {@code readuntil(b'\n')}, with asyncio's treatment of its two failures. */
    static final class ReadLine extends ReaderFrame {

        ReadLine(StreamReader r) {
            super(r);
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label == 0) {
                return await(new ReadUntil(r, new byte[][] {StreamReader.NEWLINE}), 1);
            }
            if (error instanceof IncompleteReadError) {
                return ((IncompleteReadError) error).partial();
            }
            if (error instanceof LimitOverrunError) {
                LimitOverrunError e = (LimitOverrunError) error;
                if (r.buffer.startsWith(StreamReader.NEWLINE, e.consumed())) {
                    r.buffer.skip(e.consumed() + 1);
                } else {
                    r.buffer.clear();
                }
                r.maybeResumeTransport();
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            rethrow(error);
            return value;
        }

        @Override
        public String coroutineName() {
            return "StreamReader.readline";
        }
    }
}
