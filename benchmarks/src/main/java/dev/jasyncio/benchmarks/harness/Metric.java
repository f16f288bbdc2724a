package dev.jasyncio.benchmarks.harness;

/** One row of the comparison table: what is measured, its unit, and the target for jasyncio. */
public enum Metric {
    /** W1. */
    W1("w1", "W1 spawn 1M tasks, yield once",
            "W1 spawn 1,000,000 tasks, each yields once, await all", "ms",
            "≤ 0.6x Kotlin"),
    /** W2. */
    W2("w2", "W2 heap per sleeping task",
            "W2 heap per task while 1,000,000 tasks sleep", "B",
            "≤ 120 B"),
    /** W3a. */
    W3A("w3a", "W3a switch through the loop",
            "W3a one task suspends and resumes through the loop, per switch", "ns",
            "≤ 0.6x Kotlin"),
    /** W3a with two tasks taking turns: every switch goes round the loop (informative, no target). */
    W3A_PAIR("w3a_pair", "W3a' two tasks take turns",
            "W3a' two tasks take turns through the loop, per switch", "ns",
            "(informative)"),
    /** W3b. */
    W3B("w3b", "W3b await, callee does not suspend",
            "W3b await of an async call that completes without suspending, per call", "ns",
            "≈ Kotlin (≤ 1.1x), 0 B/op"),
    /** W4. */
    W4("w4", "W4 ping-pong, per message",
            "W4 ping-pong over two queues of capacity 1, per message", "ns",
            "≤ 0.5x Kotlin"),
    /** W5. */
    W5("w5", "W5 async fib(27)",
            "W5 async fib(27), each call awaits its two recursive calls", "ms",
            "≤ 2x plain calls"),
    /** Timers: time. */
    TIMERS("timers", "Timers: schedule + cancel",
            "Timers: schedule + cancel 1,000,000 timers, per timer", "ns",
            "O(log n)"),
    /** Timers: heap kept. */
    TIMERS_RETAINED("timers_retained", "Timers: heap kept after cancel",
            "Timers: heap still held after all are cancelled, per timer", "B",
            "no pile-up"),
    /** W2 at ten million in a 2 GB heap. */
    W2_10M("w2_10m", "W2 at 10M tasks, -Xmx2g",
            "W2 at 10,000,000 sleeping tasks in -Xmx2g, per task", "B",
            "fits in 2 GB"),
    /** W1 on two loops in parallel. */
    W1_X2("w1_x2", "W1 on 2 loops: speed-up",
            "W1 on 2 loops in parallel: speed-up over 1 loop", "x",
            "2x"),
    /** W4 on two loops in parallel. */
    W4_X2("w4_x2", "W4 on 2 loops: speed-up",
            "W4 on 2 loops in parallel: speed-up over 1 loop", "x",
            "2x"),
    /** Control: the machine's own speed-up for plain CPU-bound Java on two threads. */
    CPU_X2("cpu_x2", "Control: plain CPU work on 2 threads",
            "Control: plain CPU-bound Java (recursive fib) on 2 threads: speed-up over 1", "x",
            "(the machine)"),
    /** Control: the machine's own speed-up for plain allocation on two threads. */
    ALLOC_X2("alloc_x2", "Control: plain allocation on 2 threads",
            "Control: plain Java allocating 1,000,000 small live objects on 2 threads: speed-up over 1", "x",
            "(the machine)");

    /** Short name in the result files. */
    public final String id;
    /** Short title for the chart. */
    public final String shortTitle;
    /** Row title. */
    public final String title;
    /** Unit of the figures. */
    public final String unit;
    /** The target for jasyncio. */
    public final String target;

    Metric(String id, String shortTitle, String title, String unit, String target) {
        this.id = id;
        this.shortTitle = shortTitle;
        this.title = title;
        this.unit = unit;
        this.target = target;
    }

    /** The metric with short name {@code id}. */
    public static Metric of(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric " + id);
    }
}
