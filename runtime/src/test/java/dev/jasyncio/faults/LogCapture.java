package dev.jasyncio.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the runtime logs through {@code System.Logger} ("dev.jasyncio", backed by java.util.logging in
 * tests) while it is open: the reports a test expects, and none it does not.
 */
public final class LogCapture implements AutoCloseable {

    /** One logged record: its message and the throwable attached to it, if any. */
    public record Entry(Level level, String message, Throwable thrown) {
    }

    private final Logger logger = Logger.getLogger("dev.jasyncio");
    private final List<Entry> entries = new ArrayList<>();
    private final boolean parentHandlers;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (entries) {
                entries.add(new Entry(r.getLevel(), r.getMessage(), r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts collecting; the records are not printed meanwhile. */
    public LogCapture() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** What was logged so far. */
    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    /** The messages logged so far. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries()) {
            out.add(e.message());
        }
        return out;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlers);
    }
}
