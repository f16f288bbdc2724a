package dev.jasyncio.transformer.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the differential fuzzer: {@code count} programs derived from {@code seed}, or one program by its own seed.
 * Used by {@link DifferentialFuzzTest}; a long run is the same test with a larger count
 * ({@code -Djasyncio.fuzz.count=20000}), or this class's {@code main(seed, count)} on the test classpath.
 */
public final class FuzzMain {

    static final String SEED = "jasyncio.fuzz.seed";
    static final String COUNT = "jasyncio.fuzz.count";
    static final String PROGRAM = "jasyncio.fuzz.program";
    static final long DEFAULT_SEED = 20_250_101L;
    static final int DEFAULT_COUNT = 500;
    private static final int PER_CLASS = 50;
    private static final int CLASSES_PER_COMPILE = 5;

    /** What a run did. */
    static final class Report {
        final long seed;
        final int generated;
        final int passed;
        final long millis;
        final long cpuMillis;
        final long awaits;
        final List<FuzzFailure> failures;
        /** Seeds of the programs javac itself miscompiled: not run, not failures of ours. */
        final List<Long> miscompiledByJavac;

        Report(long seed, int generated, int passed, long millis, long cpuMillis, long awaits,
               List<FuzzFailure> failures, List<Long> miscompiledByJavac) {
            this.miscompiledByJavac = miscompiledByJavac;
            this.cpuMillis = cpuMillis;
            this.awaits = awaits;
            this.seed = seed;
            this.generated = generated;
            this.passed = passed;
            this.millis = millis;
            this.failures = failures;
        }

        /** How many failures of each {@link FuzzFailure#signature()}. */
        String signatures() {
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            for (FuzzFailure f : failures) {
                counts.merge(f.signature(), 1, Integer::sum);
            }
            StringBuilder s = new StringBuilder();
            counts.forEach((k, v) -> s.append(String.format("%6d  %s%n", v, k)));
            return s.toString();
        }

        String summary() {
            StringBuilder stages = new StringBuilder();
            for (int i = 0; i < FuzzBuild.STAGES.length; i++) {
                stages.append(i == 0 ? " (" : ", ").append(FuzzBuild.STAGES[i]).append(' ')
                        .append(FuzzBuild.NANOS[i] / 1_000_000_000).append(" s");
            }
            return String.format("differential fuzz: seed %d, %d programs, %d passed in all 3 modes, %d failures, "
                    + "%d awaits executed, %.1f s, %.1f s of CPU", seed, generated, passed, failures.size(), awaits,
                    millis / 1000.0, cpuMillis / 1000.0) + stages + ")"
                    + (miscompiledByJavac.isEmpty() ? "" : "; " + miscompiledByJavac.size() + " program(s) javac "
                    + "itself compiled to classes the JVM refuses, not run: " + miscompiledByJavac);
        }
    }

    private FuzzMain() {
    }

    /** The seed of program {@code index} of a run: a SplitMix64 step, so neighbouring runs do not overlap. */
    static long programSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code progress} hears of each batch, and of each failure as it is found. */
    static Report run(long seed, int count, java.util.function.Consumer<String> progress) {
        List<FuzzProgram> programs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            programs.add(FuzzProgram.generate(programSeed(seed, i)));
        }
        return run(seed, programs, progress);
    }

    static Report runOne(long programSeed) {
        return run(programSeed, List.of(FuzzProgram.generate(programSeed)), p -> { });
    }

    private static Report run(long seed, List<FuzzProgram> programs, java.util.function.Consumer<String> progress) {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        FuzzRunner runner = new FuzzRunner(PER_CLASS, CLASSES_PER_COMPILE, f -> progress.accept(f.describe()));
        try {
            runner.run(programs, progress);
        } finally {
            runner.close();
        }
        return new Report(seed, programs.size(), runner.programsRun(), (System.nanoTime() - start) / 1_000_000,
                (cpuNanos() - cpu) / 1_000_000, runner.awaits(), runner.failures(),
                runner.miscompiledByJavac().stream().map(p -> p.seed).toList());
    }

    /** CPU time of the whole JVM: on a loaded machine a fairer measure than the wall clock. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** The Maven command, run from the project's root, that runs the fuzz test with the given {@code -D} options. */
    static String command(String options) {
        String avoid = System.getProperty("jasyncio.fuzz.avoid");
        return "mvn -q -B -o -pl coroutine-transformer-tests test -Dtest=DifferentialFuzzTest " + options
                + (avoid == null ? "" : " -Djasyncio.fuzz.avoid=" + avoid);
    }

    /** Writes every failure's description to {@code target/fuzz-failures.txt} and returns the path. */
    static Path writeFailures(Report report) {
        StringBuilder text = new StringBuilder(report.summary()).append("\n").append(report.signatures())
                .append("\n");
        for (FuzzFailure f : report.failures) {
            text.append(f.describe()).append("\n=====\n\n");
        }
        try {
            Path file = Paths.get("target", "fuzz-failures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code main(seed, count)}: a long run; exits 1 when anything failed. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_SEED;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long start = System.nanoTime();
        Report report = run(seed, count, p -> System.out.printf("[%4d s] %s%n",
                (System.nanoTime() - start) / 1_000_000_000, p));
        System.out.println(report.summary());
        System.out.print(report.signatures());
        if (!report.failures.isEmpty()) {
            System.out.println("failures written to " + writeFailures(report));
            System.exit(1);
        }
    }
}
