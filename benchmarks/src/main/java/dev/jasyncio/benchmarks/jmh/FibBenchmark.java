package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.cf.CompletableFutureWorkloads;
import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.benchmarks.ea.EaAsyncWorkloads;
import dev.jasyncio.benchmarks.jasyncio.JasyncioWorkloads;
import dev.jasyncio.benchmarks.kotlin.KotlinWorkloads;
import dev.jasyncio.benchmarks.plain.PlainWorkloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** W5: fib(27) where each call awaits its two recursive async calls; microseconds per fib(27). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class FibBenchmark {

    /** jasyncio: @Async fib awaiting fib. */
    @Benchmark
    public int jasyncio() {
        return JasyncioWorkloads.w5Fib(Workloads.FIB_N);
    }

    /** Kotlin: suspend fun fib. */
    @Benchmark
    public int kotlin() {
        return KotlinWorkloads.w5Fib(Workloads.FIB_N);
    }

    /** EA Async: await on completed futures. */
    @Benchmark
    public int eaAsync() {
        return EaAsyncWorkloads.w5Fib(Workloads.FIB_N);
    }

    /** CompletableFuture: thenCombine. */
    @Benchmark
    public int completableFuture() {
        return CompletableFutureWorkloads.w5Fib(Workloads.FIB_N);
    }

    /** The plain synchronous recursion. */
    @Benchmark
    public int plain() {
        return PlainWorkloads.w5Fib(Workloads.FIB_N);
    }
}
