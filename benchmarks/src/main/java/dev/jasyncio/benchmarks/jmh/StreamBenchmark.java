package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.jasyncio.StreamWorkloads;
import dev.jasyncio.benchmarks.kotlin.KotlinStreams;
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
 * W5: nanoseconds per element of a producer-consumer stream whose producer suspends only to hand an element over.
 * The goal: jasyncio's async generator read by {@code for (x : aiter(gen))} within 2x Kotlin's
 * {@code flow { emit(i) }.collect { }}, allocating nothing per element (run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} / {@value #ELEMENTS}); the queue hand-off is the way without generators.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(StreamBenchmark.ELEMENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class StreamBenchmark {

    /** Elements per invocation. */
    static final int ELEMENTS = 10_000_000;

    /** jasyncio: an {@code @Async} generator, {@code await(emit(i))}, consumed by {@code for (x : aiter(gen))}. */
    @Benchmark
    public int jasyncioGenerator() {
        return StreamWorkloads.w5Generator(ELEMENTS);
    }

    /** Kotlin: {@code flow { emit(i) }.collect { s += it }}. */
    @Benchmark
    public int kotlinFlow() {
        return KotlinStreams.w5Flow(ELEMENTS);
    }

    /** jasyncio: a producer task and the consumer over a {@code Queue} of capacity 1. */
    @Benchmark
    public int jasyncioQueue() {
        return StreamWorkloads.w5Queue(ELEMENTS);
    }
}
