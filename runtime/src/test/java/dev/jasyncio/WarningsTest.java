package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warnings asyncio gives, given here through the exception handler and {@link System.Logger}. */
class WarningsTest extends TestBase {

    /** Collections to try before concluding that nothing will be reported. */
    private static final int GC_ROUNDS = 50;

    /** cpython/never_retrieved.py */
    @Test
    void aCollectedTaskWhoseFailureNobodyLookedAtIsReported() {
        Task<?>[] holder = new Task<?>[1];
        List<String> reports = new ArrayList<>();
        int[] round = {0};
        Asyncio.run(coro("main", v -> {
            getRunningLoop().setExceptionHandler((l, ctx) -> {
                reports.add(String.valueOf(ctx.get("future")));
                say("handler:", ctx.get("message"), repr(ctx.get("exception")));
            });
            holder[0] = createTask(coro("boom", x -> {
                throw new ValueError("lost");
            }));
            return awaiting(sleep(0));
        }, v -> {
            holder[0] = null; // the last reference: the task can be collected now
            return awaiting(sleep(0), 2);
        }, v -> {
            // Collect until the cleaner has reported (it hands the report to the loop) or we give up.
            if (reports.isEmpty() && round[0]++ < GC_ROUNDS) {
                System.gc();
                return awaiting(sleep(0.01), 2);
            }
            holder[0] = createTask(coro("boom", x -> {
                throw new ValueError("lost");
            }));
            return awaiting(sleep(0));
        }, v -> {
            holder[0].exception();
            holder[0] = null;
            round[0] = 0;
            return awaiting(sleep(0), 4);
        }, v -> {
            if (round[0]++ < 10) {
                System.gc();
                return awaiting(sleep(0.01), 4);
            }
            say("retrieved: nothing reported");
            return null;
        }));
        assertOutput("never_retrieved");
        assertTrue(reports.get(0).startsWith("<Task finished name='Task-2'"), reports.get(0));
    }

    /** cpython/never_awaited.py */
    @Test
    void aCoroutineDroppedByCreateTaskOutsideALoopWarnsThatItWasNeverAwaited() {
        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger("dev.jasyncio");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> createTask(coro("work", v -> null)));
            say("RuntimeError('" + e.getMessage() + "')");
        } finally {
            log.removeHandler(capture);
        }
        for (String w : warnings) {
            say("RuntimeWarning:", w);
        }
        assertOutput("never_awaited");
    }
}
