package dev.jasyncio.samples.tools;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Records a trace of a small program (three workers draining a queue while two fetches run) and writes it as
 * Chrome trace-event JSON: open the file in https://ui.perfetto.dev to see one track per task, its steps and
 * awaits, and the loop's timers and idle time. {@code mvn -pl samples exec:java
 * -Dexec.mainClass=dev.jasyncio.samples.tools.TraceDemo} writes {@code target/jasyncio-trace.json}.
 */
public final class TraceDemo {

    private TraceDemo() {
    }

    @Async
    static Coroutine<String> fetch(String what, double seconds) {
        await(sleep(seconds));
        return Coroutine.of(what + " fetched");
    }

    @Async
    static Coroutine<Void> worker(Queue<Integer> jobs) {
        while (true) {
            int job = await(jobs.get());
            long until = System.nanoTime() + 2_000_000; // some work that holds the loop: a visible step
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            await(sleep(0.01 * job));
            jobs.taskDone();
        }
    }

    @Async
    static Coroutine<List<String>> main() {
        Queue<Integer> jobs = new Queue<>();
        List<Task<Void>> workers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            workers.add(createTask(worker(jobs), "worker-" + i));
        }
        for (int job = 1; job <= 9; job++) {
            jobs.putNowait(job);
        }
        List<String> fetched = await(gather(fetch("users", 0.12), fetch("orders", 0.08)));
        await(jobs.join());
        for (Task<Void> w : workers) {
            w.cancel();
        }
        await(gather(workers, true));
        return Coroutine.of(fetched);
    }

    /** Runs the program with tracing on and writes the trace to {@code file}; returns the number of events. */
    public static int trace(Path file) throws IOException {
        EventLoop loop = new EventLoop();
        loop.startTrace();
        Asyncio.run(main(), () -> loop);
        return loop.stopTrace(file);
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/jasyncio-trace.json");
        int events = trace(file);
        System.out.println("wrote " + events + " events to " + file + "; open it in https://ui.perfetto.dev");
    }
}
