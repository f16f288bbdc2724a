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

/**
 * W3b: await of an async call that completes without suspending; nanoseconds per call. Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per call (the loop set-up of each
 * invocation, spread over ten million calls, adds well under 0.01 B).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Workloads.CALLS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class FastPathBenchmark {

    /** jasyncio: s = await(step(s)), step a static @Async method of the same class. */
    @Benchmark
    public int jasyncio() {
        return JasyncioWorkloads.w3bCalls(Workloads.CALLS);
    }

    /** Kotlin: s = step(s), step a suspend fun. */
    @Benchmark
    public int kotlin() {
        return KotlinWorkloads.w3bCalls(Workloads.CALLS);
    }

    /** EA Async: s = await(step(s)) on a completed future. */
    @Benchmark
    public int eaAsync() {
        return EaAsyncWorkloads.w3bCalls(Workloads.CALLS);
    }

    /** CompletableFuture: a completed future checked with isDone(). */
    @Benchmark
    public int completableFuture() {
        return CompletableFutureWorkloads.w3bCalls(Workloads.CALLS);
    }
}
