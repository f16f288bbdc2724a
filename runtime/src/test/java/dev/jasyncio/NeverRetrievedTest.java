package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Task exception was never retrieved", checked without depending on a collection: a failure nobody looked at is
 * reported when its loop closes at the latest, once, cycles through its own task included, and holding such
 * failures costs bounded memory.
 */
class NeverRetrievedTest {

    /** A failure that names the task it failed: a reference cycle through the task. */
    static final class TaskFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Task<?> task;

        TaskFailed(Task<?> task) {
            super("failed in " + task.getName());
            this.task = task;
        }
    }

    private static EventLoop loopReportingTo(List<Map<String, Object>> reports) {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
        return loop;
    }

    @Test
    void aShortProgramsFireAndForgetFailureIsReportedWhenItsLoopCloses() {
        List<Map<String, Object>> reports = new ArrayList<>();
        Throwable[] thrown = new Throwable[1];
        Asyncio.run(coro("main", v -> {
            createTask(coro("boom", x -> {
                thrown[0] = new ValueError("lost");
                throw thrown[0];
            }));
            return awaiting(sleep(0));
        }, v -> null), () -> loopReportingTo(reports));
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("Task exception was never retrieved", reports.get(0).get("message"));
        assertSame(thrown[0], reports.get(0).get("exception"));
        assertTrue(String.valueOf(reports.get(0).get("future")).startsWith("<Task finished name='Task-2'"));
    }

    @Test
    void aFailureThatReferencesItsOwnTaskIsReportedWhenItsLoopCloses() {
        List<Map<String, Object>> reports = new ArrayList<>();
        Asyncio.run(coro("main", v -> {
            createTask(coro("boom", x -> {
                throw new TaskFailed(currentTask());
            }), "cyclic");
            return awaiting(sleep(0));
        }, v -> null), () -> loopReportingTo(reports));
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("failed in cyclic", ((Throwable) reports.get(0).get("exception")).getMessage());
    }

    @Test
    void aFailureSomeoneLookedAtIsNeverReported() {
        List<Map<String, Object>> reports = new ArrayList<>();
        assertThrows(ValueError.class, () -> Asyncio.run(coro("main", v -> awaiting(createTask(coro("boom", x -> {
            throw new ValueError("seen");
        }))), v -> null), () -> loopReportingTo(reports)));
        // main's own failure went to Asyncio.run's caller; the await retrieved the child's
        assertEquals(List.of(), reports);
    }

    @Test
    void failuresThatReferenceTheirTasksDoNotAccumulate() throws InterruptedException {
        int n = 3 * FailureReports.STRONG_LIMIT;
        List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
        List<WeakReference<Task<?>>> tasks = new ArrayList<>();
        EventLoop loop = loopReportingTo(reports);
        try {
            loop.runUntilComplete(loop.createTask(coro("main", v -> {
                for (int i = 0; i < n; i++) {
                    tasks.add(new WeakReference<>(createTask(coro("boom", x -> {
                        throw new TaskFailed(currentTask());
                    }))));
                }
                return awaiting(sleep(0));
            }, v -> null)));
            FailureReports held = loop.failureReports();
            // Deterministic: at most the most recent failures are held strongly, whatever the collector does.
            assertTrue(held.stronglyHeld() <= FailureReports.STRONG_LIMIT, held.stronglyHeld() + " held");
            // And so the older tasks can go: collected (and reported, each once, with a copy of its failure).
            long deadline = System.nanoTime() + 10_000_000_000L;
            int collected = 0;
            while (true) {
                collected = 0;
                for (WeakReference<Task<?>> t : tasks) {
                    collected += t.get() == null ? 1 : 0;
                }
                if (collected >= n - FailureReports.STRONG_LIMIT || System.nanoTime() > deadline) {
                    break;
                }
                System.gc();
                Thread.sleep(20);
            }
            assertTrue(collected >= n - FailureReports.STRONG_LIMIT, collected + " of " + n + " collected");
        } finally {
            loop.close();
        }
        // Reports of tasks collected while the loop ran were handed to it; those it had not run yet, and the
        // failures still held, are delivered by the close: every failure exactly once, whatever the collector did.
        // (A report the cleaner's thread is delivering as the loop closes may land a moment later.)
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reports.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, reports.size(), "every failure reported once");
        int copies = 0;
        for (Map<String, Object> r : reports) {
            Throwable e = (Throwable) r.get("exception");
            assertTrue(e.toString().startsWith(TaskFailed.class.getName() + ": failed in Task-"), e.toString());
            if (!(e instanceof TaskFailed)) {
                copies++;
                assertTrue(e.getStackTrace().length > 0);
            }
        }
        assertTrue(copies >= n - FailureReports.STRONG_LIMIT, copies + " copies");
    }
}
