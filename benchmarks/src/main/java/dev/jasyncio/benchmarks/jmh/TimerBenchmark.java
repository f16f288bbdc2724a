package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.cf.CompletableFutureWorkloads;
import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.benchmarks.jasyncio.JasyncioWorkloads;
import dev.jasyncio.benchmarks.kotlin.KotlinWorkloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Timers: schedule {@code n} timers with pseudo-random delays, then cancel them all; milliseconds per batch.
 * Dividing by {@code n} gives the cost per timer; comparing n = 10,000 with n = 1,000,000 shows how it grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class TimerBenchmark {

    /** Timers per batch. */
    @Param({"10000", "1000000"})
    public int n;

    private double[] delays;
    private long[] delaysMillis;

    /** Draws the delays once. */
    @Setup
    public void setUp() {
        delays = Workloads.timerDelays(n);
        delaysMillis = Workloads.timerDelaysMillis(n);
    }

    /** jasyncio: EventLoop.callLater + TimerHandle.cancel. */
    @Benchmark
    public double[] jasyncio() {
        return JasyncioWorkloads.timers(delays, false);
    }

    /** Kotlin: an undispatched coroutine parked in delay, then cancelled. */
    @Benchmark
    public double[] kotlin() {
        return KotlinWorkloads.timers(delaysMillis, false);
    }

    /** ScheduledThreadPoolExecutor.schedule + cancel, removing on cancel. */
    @Benchmark
    public double[] completableFuture() {
        return CompletableFutureWorkloads.timers(delays, false);
    }
}
