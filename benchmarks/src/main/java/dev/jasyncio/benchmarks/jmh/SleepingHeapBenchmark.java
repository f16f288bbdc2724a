package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.cf.CompletableFutureWorkloads;
import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.benchmarks.ea.EaAsyncWorkloads;
import dev.jasyncio.benchmarks.jasyncio.JasyncioWorkloads;
import dev.jasyncio.benchmarks.kotlin.KotlinWorkloads;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * W2: heap per task while 1,000,000 tasks sleep, reported as the secondary figure {@code bytesPerTask}
 * (used heap after GC, before and after the tasks are parked, divided by their number).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class SleepingHeapBenchmark {

    /** The heap figure of the last run. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        /** Bytes of heap per sleeping task. */
        public double bytesPerTask;

        /** Clears the figure before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            bytesPerTask = 0;
        }
    }

    /** jasyncio: tasks in sleep(3600). */
    @Benchmark
    public void jasyncio(Heap h) {
        h.bytesPerTask = JasyncioWorkloads.w2SleepingHeap(Workloads.SLEEPING_TASKS);
    }

    /** Kotlin: coroutines in delay(3600 s). */
    @Benchmark
    public void kotlin(Heap h) {
        h.bytesPerTask = KotlinWorkloads.w2SleepingHeap(Workloads.SLEEPING_TASKS);
    }

    /** EA Async: methods awaiting a timer future. */
    @Benchmark
    public void eaAsync(Heap h) {
        h.bytesPerTask = EaAsyncWorkloads.w2SleepingHeap(Workloads.SLEEPING_TASKS);
    }

    /** CompletableFuture: a timer future with a continuation. */
    @Benchmark
    public void completableFuture(Heap h) {
        h.bytesPerTask = CompletableFutureWorkloads.w2SleepingHeap(Workloads.SLEEPING_TASKS);
    }
}
