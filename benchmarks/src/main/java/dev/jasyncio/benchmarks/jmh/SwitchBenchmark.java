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

/** W3a: one task suspends and resumes through the loop; nanoseconds per switch. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Workloads.SWITCHES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class SwitchBenchmark {

    /** jasyncio: await(sleep(0)) in a loop. */
    @Benchmark
    public void jasyncio() {
        JasyncioWorkloads.w3aSwitches(Workloads.SWITCHES);
    }

    /** Kotlin: yield() in a loop. */
    @Benchmark
    public void kotlin() {
        KotlinWorkloads.w3aSwitches(Workloads.SWITCHES);
    }

    /** EA Async: await of a future the executor completes. */
    @Benchmark
    public void eaAsync() {
        EaAsyncWorkloads.w3aSwitches(Workloads.SWITCHES);
    }

    /** CompletableFuture: a callback per yield. */
    @Benchmark
    public void completableFuture() {
        CompletableFutureWorkloads.w3aSwitches(Workloads.SWITCHES);
    }
}
