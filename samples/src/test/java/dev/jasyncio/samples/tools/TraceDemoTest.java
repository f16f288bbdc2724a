package dev.jasyncio.samples.tools;

import dev.jasyncio.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TraceDemo}'s trace: valid trace-event JSON, with the tracks and events Perfetto draws. */
class TraceDemoTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) assertInstanceOf(Map.class, o);
    }

    @Test
    void theTraceIsTraceEventJsonWithATrackPerTask() throws Exception {
        Path file = dir.resolve("trace.json");
        int n = TraceDemo.trace(file);
        Map<String, Object> root = map(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
        List<?> events = assertInstanceOf(List.class, root.get("traceEvents"));
        Map<Double, String> tracks = new HashMap<>();
        List<Map<String, Object>> slices = new ArrayList<>();
        for (Object o : events) {
            Map<String, Object> e = map(o);
            assertInstanceOf(String.class, e.get("name"), e.toString());
            assertInstanceOf(Double.class, e.get("pid"), e.toString());
            assertInstanceOf(Double.class, e.get("tid"), e.toString());
            if (e.get("ph").equals("M")) {
                if (e.get("name").equals("thread_name")) {
                    tracks.put((Double) e.get("tid"), (String) map(e.get("args")).get("name"));
                }
                continue;
            }
            assertEquals("X", e.get("ph"), e.toString());
            assertTrue((Double) e.get("ts") >= 0 && (Double) e.get("dur") >= 0, e.toString());
            slices.add(e);
        }
        assertEquals(n, slices.size());
        assertTrue(tracks.values().containsAll(List.of("event loop", "Task-1", "worker-1", "worker-2", "worker-3")),
                tracks.toString());

        // Steps are named after the coroutine that ran and say where it resumed and where it stopped.
        String resumed = "TraceDemo.worker (TraceDemo.java:";
        Map<String, Object> step = slices.stream()
                .filter(e -> e.get("name").equals("TraceDemo.worker") && e.get("cat").equals("step")
                        && String.valueOf(map(e.get("args")).get("from")).startsWith(resumed))
                .findFirst().orElseThrow(() -> new AssertionError("no resumed worker step"));
        assertTrue(String.valueOf(map(step.get("args")).get("to")).startsWith(resumed), step.toString());
        // A worker's busy step holds the loop for 2 ms.
        assertTrue(slices.stream().anyMatch(e -> e.get("cat").equals("step") && (Double) e.get("dur") >= 2000));
        Set<Object> categories = Set.copyOf(slices.stream().map(e -> e.get("cat")).toList());
        assertTrue(categories.containsAll(Set.of("step", "await", "timer", "wait")), categories.toString());
        assertTrue(slices.stream().anyMatch(e -> e.get("name").equals("await gather of 2")));
    }
}
