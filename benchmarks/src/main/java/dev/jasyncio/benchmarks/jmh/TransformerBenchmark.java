package dev.jasyncio.benchmarks.jmh;

import dev.jasyncio.benchmarks.transformer.CompiledModule;
import dev.jasyncio.benchmarks.transformer.ModuleGenerator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The transformer's warm throughput: one pass of a fresh {@code Instrumenter} over a generated module of 500
 * classes compiled in memory, every class async or a fifth of them; milliseconds per pass (classes per second is
 * the module's class files divided by it). The cold figure (the first pass in a fresh JVM, which is what a build
 * sees) and the plugin's cost in a Maven build come from {@code benchmarks/transformer-speed.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TransformerBenchmark {

    /** Share of the module's classes that are async. */
    @Param({"1.0", "0.2"})
    public double asyncShare;

    private CompiledModule module;

    /** Generates and compiles the module once per trial. */
    @Setup
    public void compile() throws IOException {
        module = CompiledModule.create(new ModuleGenerator(500, asyncShare, 1),
                Files.createTempDirectory("jasyncio-transformer-bench"));
    }

    /** Removes the module's files. */
    @TearDown
    public void delete() throws IOException {
        module.delete();
    }

    /** Every class through the pre-check, the async ones through the transformer. */
    @Benchmark
    public int instrumentModule() {
        return module.instrumentInMemory().instrumented();
    }
}
