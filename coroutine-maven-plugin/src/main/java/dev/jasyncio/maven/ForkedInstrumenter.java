package dev.jasyncio.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs an {@link InstrumentRequest} in a JVM of its own. The build's JVM would compile the transformer with C2 for
 * longer than the transformer runs, and keep compiling after it: a fresh JVM that stops at C1 finishes a clean
 * 500-class module in about half the time and leaves nothing behind in the build.
 */
final class ForkedInstrumenter {

    /** For a short batch job: C1 only, one GC thread, no performance counters file. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xshare:auto");

    private final Path java;
    private final List<Path> classpath;
    private final Consumer<String> warn;
    private final Duration timeout;

    /**
     * {@code classpath}: the plugin's own jars, which hold the transformer and {@link ForkedInstrumentMain};
     * {@code warn}: where to say that no JVM could be started and the run stayed in this one; {@code timeout}: how
     * long the child may take before it is stopped and the build fails, so that a child that hangs cannot hang it.
     */
    ForkedInstrumenter(Path java, List<Path> classpath, Consumer<String> warn, Duration timeout) {
        this.java = java;
        this.classpath = List.copyOf(classpath);
        this.warn = warn;
        this.timeout = timeout;
    }

    /** The running JVM's {@code java} launcher. */
    static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * Runs {@code request}, exchanging files in {@code workDir} named after {@code name}. When no JVM can be started
     * (no launcher, no processes allowed), it runs here instead: a fork is only ever an optimisation.
     */
    InstrumentOutcome run(InstrumentRequest request, Path workDir, String name) throws IOException {
        Files.createDirectories(workDir);
        Path requestFile = workDir.resolve(name + ".request");
        Path outcomeFile = workDir.resolve(name + ".outcome");
        // The child's output goes to a file: reading a pipe would block past the timeout if the child hung.
        Path logFile = workDir.resolve(name + ".log");
        request.write(requestFile);
        Files.deleteIfExists(outcomeFile);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        // The plugin's own jars go on the boot class path: the JVM does not verify what the boot loader defines, and
        // verifying ASM (class files of Java 5, checked by the old type-inferring verifier) and the transformer was
        // a tenth of a cold run. They are the jars the build's JVM already runs, from the same repository.
        command.add("-Xbootclasspath/a:"
                + classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(ForkedInstrumentMain.class.getName());
        command.add(requestFile.toString());
        command.add(outcomeFile.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            warn.accept("jasyncio: cannot start a JVM for the transformer (" + e.getMessage()
                    + "); running it in the build's JVM");
            return request.run();
        }
        process.getOutputStream().close();
        int exit;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IOException("the forked instrumenter did not finish within " + timeout.toSeconds()
                        + " s and was stopped; nothing of its run is used (output so far in " + logFile
                        + "; set -Djasyncio.forkTimeout=SECONDS to allow more, or -Djasyncio.fork=false to run it"
                        + " in the build's JVM)");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the forked instrumenter ran", e);
        }
        String output = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        if (exit != 0) {
            String what = exit == ForkedInstrumentMain.INTERNAL_ERROR ? "failed with an internal error"
                    : "exited with status " + exit;
            throw new IOException("the forked instrumenter " + what + ":\n" + output.strip()
                    + "\n(set -Djasyncio.fork=false to run it in the build's JVM)");
        }
        return InstrumentOutcome.read(outcomeFile);
    }
}
