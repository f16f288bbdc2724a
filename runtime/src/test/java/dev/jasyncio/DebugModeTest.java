package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asyncio's debug mode: slow steps with their location, creation sites in warnings, thread confinement. */
class DebugModeTest {

    private static final int GC_ROUNDS = 50;

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("dev.jasyncio").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("dev.jasyncio").removeHandler(capture);
    }

    @Test
    void aSlowStepIsLoggedWithWhereItResumedWhereItStoppedAndWhereItsTaskWasCreated() {
        EventLoop loop = new EventLoop();
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0.05);
        Asyncio.run(coro("main", v -> awaiting(createTask(coro("slow", w -> awaiting(sleep(0)), w -> {
            Thread.sleep(80);
            return awaiting(sleep(0));
        }, w -> null), "slowpoke")), v -> null), () -> loop);
        // The slow task's own line: on a loaded machine another step may also pass the threshold and be logged first.
        String line = logged.stream().filter(m -> m.startsWith("Executing <Task") && m.contains("'slowpoke'"))
                .findFirst().orElseThrow(() -> new AssertionError(String.valueOf(logged)));
        assertTrue(line.contains("step of task 'slowpoke' from slow (slow.java:1) to slow (slow.java:2), "
                + "created at DebugModeTest.java:"), line);
    }

    @Test
    void aNeverRetrievedFailureNamesWhereItsTaskWasCreated() throws Exception {
        EventLoop loop = new EventLoop();
        loop.setDebug(true);
        AtomicReference<Map<String, Object>> report = new AtomicReference<>();
        loop.setExceptionHandler((l, context) -> report.compareAndSet(null, context));
        Task<?>[] holder = new Task<?>[1];
        int[] round = {0};
        Asyncio.run(coro("main", v -> {
            holder[0] = createTask(coro("boom", w -> {
                throw new ValueError("lost");
            }));
            return awaiting(sleep(0));
        }, v -> {
            holder[0] = null;
            return awaiting(sleep(0));
        }, v -> {
            if (report.get() == null && round[0]++ < GC_ROUNDS) {
                System.gc();
                return awaiting(sleep(0.01), 2);
            }
            return null;
        }), () -> loop);
        Map<String, Object> context = report.get();
        assertNotNull(context, "nothing reported");
        assertEquals("Task exception was never retrieved", context.get("message"));
        List<?> site = assertInstanceOf(List.class, context.get("source_traceback"));
        StackTraceElement newest = (StackTraceElement) site.get(site.size() - 1);
        assertEquals("DebugModeTest.java", newest.getFileName());

        loop.defaultExceptionHandler(context);
        String text = logged.get(logged.size() - 1);
        assertTrue(text.contains("source_traceback: Object created at (most recent call last):"), text);
        assertTrue(text.contains("  File \"DebugModeTest.java\", line " + newest.getLineNumber() + ", in "), text);
    }

    @Test
    void aTaskLeftPendingByAClosedLoopIsReportedDestroyedWithItsCreationSite() throws Exception {
        EventLoop loop = new EventLoop();
        loop.setDebug(true);
        List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Task<?>[] holder = new Task<?>[1];
        loop.runUntilComplete(loop.createTask(coro("main", v -> {
            holder[0] = createTask(coro("forever", w -> awaiting(sleep(3600)), w -> null), "abandoned");
            return awaiting(sleep(0));
        }, v -> null)));
        loop.close();
        holder[0] = null;
        for (int i = 0; i < GC_ROUNDS && reports.isEmpty(); i++) {
            System.gc();
            Thread.sleep(10);
        }
        Map<String, Object> context = reports.stream()
                .filter(c -> "Task was destroyed but it is pending!".equals(c.get("message"))).findFirst()
                .orElseThrow(() -> new AssertionError("not reported: " + reports));
        String task = String.valueOf(context.get("task"));
        assertTrue(task.startsWith("<Task pending name='abandoned'"), task);
        List<?> site = (List<?>) context.get("source_traceback");
        assertEquals("DebugModeTest.java", ((StackTraceElement) site.get(site.size() - 1)).getFileName());
    }

    @Test
    void wakingATaskFromAnotherThreadIsRefusedInDebugMode() throws Exception {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.setDebug(true);
        AtomicReference<Throwable> fromThread = new AtomicReference<>();
        Asyncio.run(coro("main", v -> {
            Future<Integer> f = getRunningLoop().createFuture();
            createTask(coro("waiter", w -> awaiting(f)));
            return awaiting(sleep(0));
        }, v -> {
            Task<?> waiter = Asyncio.allTasks().stream().filter(t -> t != Asyncio.currentTask()).findFirst()
                    .orElseThrow();
            Thread t = new Thread(() -> {
                try {
                    // The waiter is parked on a future: completing it off the loop schedules its wake-up.
                    ((Future<?>) waiter.waitingOn).cancel();
                } catch (Throwable e) {
                    fromThread.set(e);
                }
            });
            t.start();
            t.join();
            getRunningLoop().scheduleTask(waiter); // the wake-up the refused call did not schedule
            return awaiting(sleep(0));
        }, v -> null), () -> loop);
        Throwable e = fromThread.get();
        assertInstanceOf(IllegalStateException.class, e);
        assertEquals("Non-thread-safe operation invoked on an event loop other than the current one", e.getMessage());
    }
}
