package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.cf.CompletableFutureWorkloads;
import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.benchmarks.ea.EaAsyncWorkloads;
import dev.jasyncio.benchmarks.jasyncio.JasyncioWorkloads;
import dev.jasyncio.benchmarks.kotlin.KotlinWorkloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** W4: ping-pong between two tasks over two queues of capacity 1; nanoseconds per message. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(2 * Workloads.ROUND_TRIPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class PingPongBenchmark {

    /** jasyncio: two Queue(1). */
    @Benchmark
    public void jasyncio() {
        JasyncioWorkloads.w4PingPong(Workloads.ROUND_TRIPS);
    }

    /** Kotlin: two Channel(1). */
    @Benchmark
    public void kotlin() {
        KotlinWorkloads.w4PingPong(Workloads.ROUND_TRIPS);
    }

    /** EA Async: two future-based queues of capacity 1. */
    @Benchmark
    public void eaAsync() {
        EaAsyncWorkloads.w4PingPong(Workloads.ROUND_TRIPS);
    }

    /** CompletableFuture: the same queues with callbacks. */
    @Benchmark
    public void completableFuture() {
        CompletableFutureWorkloads.w4PingPong(Workloads.ROUND_TRIPS);
    }
}
