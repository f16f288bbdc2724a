package dev.jasyncio;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a loop's schedule as Chrome trace events (the JSON that Perfetto and {@code chrome://tracing} open): one
 * track per task, with its steps ({@code ph:"X"}, named after the coroutine that ran, with where it resumed and
 * where it suspended) and the awaits between them; one track for the loop itself, with callbacks, timers and the
 * idle time in between (waiting for timers, I/O or other threads). Times are real time, in microseconds since the
 * trace started; with virtual time each event also carries the loop's time.
 */
final class TraceRecorder {

    /** Beyond this many events new ones are counted, not kept: a forgotten trace must not eat the heap. */
    static final int MAX_EVENTS = 2_000_000;
    /** A gap between two ready items longer than this is shown as idle time on the loop's track. */
    private static final long IDLE_NANOS = 50_000;
    private static final int LOOP_TID = 1;

    /** One event; {@code args} is a JSON object, or null. */
    private record Event(char ph, String name, String cat, long ts, long dur, int tid, String args) {
    }

    /** A task's track. */
    private static final class Lane {
        final int tid;
        final String name;
        long waitStart = -1;
        String waitingFor;

        Lane(int tid, String name) {
            this.tid = tid;
            this.name = name;
        }
    }

    private final EventLoop loop;
    private final long origin = System.nanoTime();
    private final List<Event> events = new ArrayList<>();
    private final Map<Task<?>, Lane> lanes = new IdentityHashMap<>();
    private final List<Lane> allLanes = new ArrayList<>();
    private long lastEnd = -1;
    private long dropped;

    TraceRecorder(EventLoop loop) {
        this.loop = loop;
    }

    void step(Task<?> t, String from, long start, long end) {
        idle(start, end);
        Lane lane = lanes.get(t);
        if (lane == null) {
            lane = new Lane(allLanes.size() + 2, t.getName());
            lanes.put(t, lane);
            allLanes.add(lane);
        }
        if (lane.waitStart >= 0) {
            add(new Event('X', "await " + lane.waitingFor, "await", lane.waitStart, start - lane.waitStart,
                    lane.tid, null));
        }
        String to;
        if (t.done()) {
            lanes.remove(t);
            lane.waitStart = -1;
            to = t.cancelled() ? "cancelled" : t.rawException() != null ? "failed: " + t.rawException() : "done";
        } else {
            lane.waitStart = end;
            lane.waitingFor = t.waitingOn == null ? "next iteration" : TaskGraph.describe(t);
            to = LoopHooks.location(t);
        }
        String args = "{\"task\":" + str(t.getName()) + ",\"from\":" + str(from) + ",\"to\":" + str(to)
                + ",\"loopTime\":" + loop.time() + "}";
        add(new Event('X', coroutineOf(from), "step", start, end - start, lane.tid, args));
    }

    void handle(Handle h, long start, long end) {
        idle(start, end);
        String name = h instanceof TimerHandle ? "timer" : "callback";
        add(new Event('X', name, name, start, end - start, LOOP_TID,
                "{\"handle\":" + str(h.toString()) + ",\"loopTime\":" + loop.time() + "}"));
    }

    /** A sleeping task's timer fired (the task is its own timer): on the loop's track, as other timers. */
    void timerFired(Task<?> t, long start, long end) {
        idle(start, end);
        add(new Event('X', "timer", "timer", start, end - start, LOOP_TID,
                "{\"wakes\":" + str(t.getName()) + ",\"loopTime\":" + loop.time() + "}"));
    }

    /** The time since the previous item ended, if long: the loop waited. */
    private void idle(long start, long end) {
        if (lastEnd >= 0 && start - lastEnd > IDLE_NANOS) {
            add(new Event('X', "idle", "wait", lastEnd, start - lastEnd, LOOP_TID, null));
        }
        lastEnd = end;
    }

    /** {@code Fetch.main (Fetch.java:12)} becomes {@code Fetch.main}. */
    private static String coroutineOf(String location) {
        int paren = location.indexOf(" (");
        String s = paren < 0 ? location : location.substring(0, paren);
        return s.startsWith("the start of ") ? s.substring("the start of ".length()) : s;
    }

    private void add(Event e) {
        if (events.size() < MAX_EVENTS) {
            events.add(e);
        } else {
            dropped++;
        }
    }

    /** Writes the trace; returns how many events it holds, not counting the tracks' names. */
    int write(Path path) throws IOException {
        long now = System.nanoTime();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
            long pid = ProcessHandle.current().pid();
            w.write("{\"traceEvents\":[\n");
            w.write(meta("process_name", pid, 0, "\"name\":" + str("jasyncio " + loop.name())));
            w.write(",\n" + meta("thread_name", pid, LOOP_TID, "\"name\":\"event loop\""));
            w.write(",\n" + meta("thread_sort_index", pid, LOOP_TID, "\"sort_index\":0"));
            for (Lane lane : allLanes) {
                w.write(",\n" + meta("thread_name", pid, lane.tid, "\"name\":" + str(lane.name)));
                w.write(",\n" + meta("thread_sort_index", pid, lane.tid, "\"sort_index\":" + lane.tid));
            }
            for (Event e : events) {
                w.write(",\n");
                writeEvent(w, e, pid);
            }
            int written = events.size();
            // Awaits still open when the trace stopped.
            for (Lane lane : lanes.values()) {
                if (lane.waitStart >= 0) {
                    w.write(",\n");
                    writeEvent(w, new Event('X', "await " + lane.waitingFor, "await", lane.waitStart,
                            now - lane.waitStart, lane.tid, null), pid);
                    written++;
                }
            }
            w.write("\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"droppedEvents\":" + dropped + "}}\n");
            return written;
        }
    }

    private void writeEvent(Writer w, Event e, long pid) throws IOException {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"name\":").append(str(e.name())).append(",\"cat\":").append(str(e.cat()))
                .append(",\"ph\":\"").append(e.ph()).append("\",\"ts\":");
        micros(b, e.ts() - origin);
        b.append(",\"dur\":");
        micros(b, e.dur());
        b.append(",\"pid\":").append(pid).append(",\"tid\":").append(e.tid());
        if (e.args() != null) {
            b.append(",\"args\":").append(e.args());
        }
        w.write(b.append('}').toString());
    }

    private static String meta(String name, long pid, int tid, String args) {
        return "{\"name\":\"" + name + "\",\"ph\":\"M\",\"pid\":" + pid + ",\"tid\":" + tid + ",\"args\":{" + args
                + "}}";
    }

    /** Nanoseconds as microseconds with three decimals, without going through floating point. */
    private static void micros(StringBuilder b, long nanos) {
        if (nanos < 0) {
            b.append('-');
            nanos = -nanos;
        }
        long frac = nanos % 1000;
        b.append(nanos / 1000).append('.').append(frac < 100 ? frac < 10 ? "00" : "0" : "").append(frac);
    }

    /** A JSON string. */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
