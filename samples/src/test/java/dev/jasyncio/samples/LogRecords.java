package dev.jasyncio.samples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages the runtime logs through {@code System.Logger("dev.jasyncio")} (backed by java.util.logging), kept
 * from the first use of this class on, for tests that check asyncio's warnings.
 */
final class LogRecords {

    /** Held strongly: java.util.logging keeps loggers only weakly. */
    private static final Logger LOGGER = Logger.getLogger("dev.jasyncio");
    private static final List<String> MESSAGES = new CopyOnWriteArrayList<>();

    static {
        LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                MESSAGES.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private LogRecords() {
    }

    /** Starts keeping the runtime's log messages. */
    static void install() {
        // the static initializer does the work
    }

    /**
     * Waits up to {@code millis} for a message matching {@code condition}, collecting garbage meanwhile (asyncio's
     * "never retrieved" reports come when the object is collected); true if one arrived.
     */
    static boolean awaitMessage(Predicate<String> condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (MESSAGES.stream().anyMatch(condition)) {
                return true;
            }
            System.gc();
            Thread.sleep(50);
        }
        return MESSAGES.stream().anyMatch(condition);
    }
}
