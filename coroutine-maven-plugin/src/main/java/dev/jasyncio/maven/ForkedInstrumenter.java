package dev.jasyncio.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code classpath}: the plugin's own jars, which hold the transformer and {@link ForkedInstrumentMain};
     * {@code warn}: where to say that no JVM could be started and the run stayed in this one.
     */
    ForkedInstrumenter(Path java, List<Path> classpath, Consumer<String> warn) {
        this.java = java;
        this.classpath = List.copyOf(classpath);
        this.warn = warn;
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
        request.write(requestFile);
        Files.deleteIfExists(outcomeFile);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(ForkedInstrumentMain.class.getName());
        command.add(requestFile.toString());
        command.add(outcomeFile.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            warn.accept("jasyncio: cannot start a JVM for the transformer (" + e.getMessage()
                    + "); running it in the build's JVM");
            return request.run();
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the forked instrumenter ran", e);
        }
        if (exit != 0) {
            String what = exit == ForkedInstrumentMain.INTERNAL_ERROR ? "failed with an internal error"
                    : "exited with status " + exit;
            throw new IOException("the forked instrumenter " + what + ":\n" + output.strip()
                    + "\n(set -Djasyncio.fork=false to run it in the build's JVM)");
        }
        return InstrumentOutcome.read(outcomeFile);
    }
}
