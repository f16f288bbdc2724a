package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection into the user code the loop calls around tasks: context bridges (around every step) and task
 * factories (at every task creation).
 */
class BridgeAndFactoryFaultsTest {

    private static final Duration HANG = Duration.ofSeconds(5);

    /** Which half of a bridge throws. */
    enum Half { CAPTURE, RESTORE }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBridgeWhoseRestoreThrowsIsReportedAndEveryTaskStillRunsToItsEnd(Fault fault) {
        bridgeFails(fault, Half.RESTORE);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBridgeWhoseCaptureThrowsIsReportedAndEveryTaskStillRunsToItsEnd(Fault fault) {
        bridgeFails(fault, Half.CAPTURE);
    }

    /**
     * The bridge throws once, in the middle of the program: that call is reported, the tasks run to their ends,
     * and the steps after it see the right values again.
     */
    private static void bridgeFails(Fault fault, Half half) {
        List<Map<String, Object>> reports = new ArrayList<>();
        List<Throwable> thrown = new ArrayList<>();
        ThreadLocal<String> local = new ThreadLocal<>();
        boolean[] armed = {false};
        Runnable maybeFail = () -> {
            if (armed[0]) {
                armed[0] = false;
                Throwable[] t = new Throwable[1];
                try {
                    fault.raise(t);
                } finally {
                    thrown.add(t[0]);
                }
            }
        };
        String result = assertTimeoutPreemptively(HANG, () -> Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            loop.addContextBridge(() -> {
                if (half == Half.CAPTURE) {
                    maybeFail.run();
                }
                return local.get();
            }, s -> {
                if (half == Half.RESTORE) {
                    maybeFail.run();
                }
                if (s == null) {
                    local.remove();
                } else {
                    local.set(s);
                }
            });
            return awaiting(sleep(0));
        }, v -> {
            local.set("main's");
            armed[0] = true;
            return awaiting(createTask(coro("child1", x -> awaiting(sleep(0.1)), x -> "child1 ran")));
        }, v -> {
            String child1 = (String) v;
            return awaiting(createTask(coro("child2", x -> awaiting(sleep(0.1)),
                    x -> child1 + ", child2 saw " + local.get())));
        }, v -> v + ", main saw " + local.get()), EventLoop::withVirtualTime));
        assertEquals("child1 ran, child2 saw main's, main saw main's", result);
        assertEquals(1, thrown.size());
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertTrue(String.valueOf(reports.get(0).get("message")).startsWith("Exception in context bridge"),
                String.valueOf(reports.get(0)));
        assertSame(thrown.get(0), reports.get(0).get("exception"));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aTaskFactoryThatThrowsFailsTheCreationOnlyAndTheCoroutineIsNotLost(Fault fault) {
        Throwable[] thrown = new Throwable[1];
        List<Object> seen = new ArrayList<>();
        String result = Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.setTaskFactory((l, c, n) -> {
                if (thrown[0] == null) {
                    fault.raise(thrown);
                }
                return plainTask(l, c, n);
            });
            Coroutine<String> work = coro("work", x -> "worked");
            try {
                createTask(work);
            } catch (Throwable e) {
                seen.add(e);
            }
            return awaiting(createTask(work)); // the factory refused it: it can still run
        }, v -> (String) v), EventLoop::withVirtualTime);
        assertEquals(1, seen.size());
        assertSame(thrown[0], seen.get(0), "the creator gets the very failure");
        assertEquals("worked", result);
    }

    private static <T> Task<T> plainTask(EventLoop loop, Coroutine<T> coro, String name) {
        return new Task<>(loop, coro, name);
    }
}
