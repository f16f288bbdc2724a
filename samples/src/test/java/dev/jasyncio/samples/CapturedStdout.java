package dev.jasyncio.samples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Per-thread capture of {@link System#out}, so that samples running concurrently in one JVM each get their own
 * output. Installed once; a thread (and the threads it starts) writes into the buffer set by {@link #start}, other
 * threads write to the original stream.
 */
final class CapturedStdout {

    private static final PrintStream ORIGINAL = System.out;
    private static final InheritableThreadLocal<ByteArrayOutputStream> TARGET = new InheritableThreadLocal<>();

    static {
        OutputStream routing = new OutputStream() {
            @Override
            public void write(int b) {
                ByteArrayOutputStream buffer = TARGET.get();
                if (buffer != null) {
                    buffer.write(b);
                } else {
                    ORIGINAL.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ByteArrayOutputStream buffer = TARGET.get();
                if (buffer != null) {
                    buffer.write(b, off, len);
                } else {
                    ORIGINAL.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                if (TARGET.get() == null) {
                    ORIGINAL.flush();
                }
            }
        };
        System.setOut(new PrintStream(routing, true, StandardCharsets.UTF_8));
    }

    private CapturedStdout() {
    }

    /** From now on, what the current thread and the threads it starts print goes to {@code buffer}. */
    static void start(ByteArrayOutputStream buffer) {
        TARGET.set(buffer);
    }

    /** The current thread prints to the original stream again. */
    static void stop() {
        System.out.flush();
        TARGET.remove();
    }
}
