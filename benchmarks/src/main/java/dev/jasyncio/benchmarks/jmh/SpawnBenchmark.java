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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** W1: spawn 1,000,000 tasks that each yield once, await all; milliseconds per run. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class SpawnBenchmark {

    /** jasyncio: createTask + sleep(0). */
    @Benchmark
    public void jasyncio() {
        JasyncioWorkloads.w1Spawn(Workloads.SPAWN_TASKS);
    }

    /** Kotlin: launch + yield() in runBlocking. */
    @Benchmark
    public void kotlin() {
        KotlinWorkloads.w1Spawn(Workloads.SPAWN_TASKS);
    }

    /** EA Async on a single-thread executor. */
    @Benchmark
    public void eaAsync() {
        EaAsyncWorkloads.w1Spawn(Workloads.SPAWN_TASKS);
    }

    /** CompletableFuture on a single-thread executor. */
    @Benchmark
    public void completableFuture() {
        CompletableFutureWorkloads.w1Spawn(Workloads.SPAWN_TASKS);
    }
}
