package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.benchmarks.vt.VirtualThreadWorkloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * W1, W3a, W4 and W5 on virtual threads, forked on JDK 25 with one carrier thread (JMH's {@code -jvm} option
 * points elsewhere if that JDK lives in another place).
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvm = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", jvmArgsAppend = {"-Xmx8g",
    "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class VirtualThreadBenchmark {

    /** W1, milliseconds per run. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void w1Spawn() {
        VirtualThreadWorkloads.w1Spawn(Workloads.SPAWN_TASKS);
    }

    /** W3a, nanoseconds per Thread.yield(). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(Workloads.SWITCHES)
    public void w3aSwitches() {
        VirtualThreadWorkloads.w3aSwitches(Workloads.SWITCHES);
    }

    /** W4, nanoseconds per message over ArrayBlockingQueue(1). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(2 * Workloads.ROUND_TRIPS)
    public void w4PingPong() {
        VirtualThreadWorkloads.w4PingPong(Workloads.ROUND_TRIPS);
    }

    /** W5 as plain calls in a virtual thread, microseconds per fib(27). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int w5Fib() {
        return VirtualThreadWorkloads.w5Fib(Workloads.FIB_N);
    }
}
