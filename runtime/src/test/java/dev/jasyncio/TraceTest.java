package dev.jasyncio;

import dev.jasyncio.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EventLoop#startTrace()}: the schedule as Chrome trace-event JSON. */
class TraceTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Path file) throws Exception {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) root.get("traceEvents");
    }

    private static Map<String, Object> args(Map<String, Object> e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) e.get("args");
        return a;
    }

    @Test
    void aTraceHasATrackPerTaskWithItsStepsAndAwaitsAndTheLoopsTimers() throws Exception {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.startTrace();
        assertTrue(loop.isTracing());
        Asyncio.run(coro("main", v -> {
            getRunningLoop().callLater(0.5, () -> { });
            return awaiting(createTask(coro("worker", w -> awaiting(sleep(1)), w -> 42), "worker"));
        }, v -> null), () -> loop);
        Path file = dir.resolve("trace.json");
        int n = loop.stopTrace(file);
        assertFalse(loop.isTracing());

        List<Map<String, Object>> events = events(file);
        Map<Double, String> tracks = new java.util.HashMap<>();
        List<Map<String, Object>> slices = new ArrayList<>();
        for (Map<String, Object> e : events) {
            assertInstanceOf(String.class, e.get("name"));
            assertInstanceOf(Double.class, e.get("pid"));
            assertInstanceOf(Double.class, e.get("tid"));
            String ph = (String) e.get("ph");
            assertTrue(Set.of("M", "X").contains(ph), ph);
            if (ph.equals("M")) {
                if (e.get("name").equals("thread_name")) {
                    tracks.put((Double) e.get("tid"), (String) args(e).get("name"));
                }
                continue;
            }
            double ts = (Double) e.get("ts");
            double dur = (Double) e.get("dur");
            assertTrue(ts >= 0 && dur >= 0, e.toString());
            slices.add(e);
        }
        assertEquals(n, slices.size());
        assertEquals(Set.of("event loop", "Task-1", "worker"), Set.copyOf(tracks.values()));
        double worker = tracks.entrySet().stream().filter(t -> t.getValue().equals("worker")).findFirst()
                .orElseThrow().getKey();

        List<Map<String, Object>> onWorker = slices.stream().filter(e -> e.get("tid").equals(worker))
                .sorted(java.util.Comparator.comparing(e -> (Double) e.get("ts"))).toList();
        assertEquals(List.of("worker", "await sleep until 1.000", "worker"),
                onWorker.stream().map(e -> e.get("name")).toList());
        assertEquals("the start of worker", args(onWorker.get(0)).get("from"));
        assertEquals("worker (worker.java:1)", args(onWorker.get(0)).get("to"));
        assertEquals("done", args(onWorker.get(2)).get("to"));
        assertEquals(1.0, args(onWorker.get(2)).get("loopTime"));
        for (int i = 1; i < onWorker.size(); i++) {
            // One after the other, to the nanosecond (times are microseconds with three decimals).
            Map<String, Object> prev = onWorker.get(i - 1);
            double prevEnd = (Double) prev.get("ts") + (Double) prev.get("dur");
            assertTrue(prevEnd <= (Double) onWorker.get(i).get("ts") + 1e-6, prev + " overlaps " + onWorker.get(i));
        }

        assertTrue(slices.stream().anyMatch(e -> e.get("name").equals("await Task 'worker'")));
        assertTrue(slices.stream().anyMatch(e -> e.get("name").equals("timer")
                && "worker".equals(args(e).get("wakes"))), "the sleep's timer");
        assertTrue(slices.stream().anyMatch(e -> e.get("name").equals("timer")
                && String.valueOf(args(e).get("handle")).startsWith("<TimerHandle")), "callLater's timer");
    }

    @Test
    void anAwaitStillOpenWhenTheTraceStopsIsWrittenUpToThatMoment() throws Exception {
        EventLoop loop = EventLoop.withVirtualTime();
        loop.startTrace();
        loop.runUntilComplete(loop.createTask(coro("main", v -> {
            createTask(coro("sleeper", w -> awaiting(sleep(60)), w -> null), "sleeper");
            return awaiting(sleep(1));
        }, v -> null)));
        Path file = dir.resolve("open.json");
        int n = loop.stopTrace(file);
        loop.close();
        List<Map<String, Object>> events = events(file);
        assertTrue(events.stream().anyMatch(e -> "await sleep until 60.000".equals(e.get("name"))), events.toString());
        assertEquals(n, events.stream().filter(e -> "X".equals(e.get("ph"))).count());
    }

    @Test
    void stoppingATraceThatWasNotStartedOrStartingTwiceIsAnError() {
        EventLoop loop = new EventLoop();
        assertThrows(IllegalStateException.class, () -> loop.stopTrace(dir.resolve("x.json")));
        loop.startTrace();
        assertThrows(IllegalStateException.class, loop::startTrace);
        loop.close();
    }
}
