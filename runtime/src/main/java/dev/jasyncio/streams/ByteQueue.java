package dev.jasyncio.streams;

import java.nio.ByteBuffer;

/**
 * A stream's receive buffer (Python's {@code bytearray}): bytes appended at the end, taken from the front. Starts
 * empty and grows to fit, so ten thousand idle connections hold almost nothing; gives a large array back once
 * emptied.
 */
final class ByteQueue {

    private static final byte[] NONE = new byte[0];
    /** Above this capacity an emptied buffer is dropped rather than kept for the next bytes. */
    private static final int KEEP = 64 * 1024;

    private byte[] buf = NONE;
    private int start;
    private int end;

    int size() {
        return end - start;
    }

    void append(byte[] data, int off, int len) {
        makeRoom(len);
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    /** Appends what remains in {@code src}, consuming it. */
    void append(ByteBuffer src) {
        int len = src.remaining();
        makeRoom(len);
        src.get(buf, end, len);
        end += len;
    }

    /** The byte at {@code i} from the front. */
    byte get(int i) {
        return buf[start + i];
    }

    /** Takes the first {@code n} bytes (at most {@link #size()}) out, as a new array. */
    byte[] take(int n) {
        n = Math.min(n, size());
        byte[] out = new byte[n];
        System.arraycopy(buf, start, out, 0, n);
        skip(n);
        return out;
    }

    /** Drops the first {@code n} bytes. */
    void skip(int n) {
        start += n;
        if (start >= end) {
            clear();
        }
    }

    void clear() {
        start = 0;
        end = 0;
        if (buf.length > KEEP) {
            buf = NONE;
        }
    }

    /** The index (from the front) of {@code sep} at or after {@code from}, or -1. */
    int indexOf(byte[] sep, int from) {
        int last = end - sep.length;
        byte first = sep[0];
        outer:
        for (int i = start + from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < sep.length; j++) {
                if (buf[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    /** Whether the bytes at {@code at} from the front are {@code sep}. */
    boolean startsWith(byte[] sep, int at) {
        if (at + sep.length > size()) {
            return false;
        }
        for (int j = 0; j < sep.length; j++) {
            if (buf[start + at + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    private void makeRoom(int len) {
        if (buf.length - end >= len) {
            return;
        }
        int size = size();
        if (buf.length - size >= len && start > 0) {
            System.arraycopy(buf, start, buf, 0, size);
        } else {
            byte[] bigger = new byte[Math.max(Math.max(buf.length * 2, size + len), 256)];
            System.arraycopy(buf, start, bigger, 0, size);
            buf = bigger;
        }
        start = 0;
        end = size;
    }
}
