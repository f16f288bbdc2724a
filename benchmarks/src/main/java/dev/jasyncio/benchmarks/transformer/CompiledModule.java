package dev.jasyncio.benchmarks.transformer;

import dev.jasyncio.transformer.ClassesDirectoryInstrumenter;
import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.Instrumenter;
import dev.jasyncio.transformer.SourceDiagnostics;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A generated module compiled once and kept on disk ({@code src/}, and {@code classes/} as javac wrote them) and
 * in memory, with the ways of timing the transformer over it: {@link #instrumentInMemory()} through the
 * {@link Instrumenter} API alone, {@link #instrumentDirectory(Path)} the way the Maven plugin runs it, and
 * {@link #checkSources()}, the plugin's source diagnostics alone.
 */
public final class CompiledModule {

    /** What one pass over the module did, and how long it took. */
    public record Pass(long nanos, int classFiles, int instrumented, int asyncMethods, int failed) {
        /** Class files through the transformer per second. */
        public double classesPerSecond() {
            return classFiles / (nanos / 1e9);
        }
    }

    private final Path dir;
    private final Path sourceRoot;
    private final Path classesDir;
    private final List<Path> runtimeClasspath;
    private final Map<String, byte[]> classes;

    private CompiledModule(Path dir, List<Path> runtimeClasspath, Map<String, byte[]> classes) {
        this.dir = dir;
        this.sourceRoot = dir.resolve("src");
        this.classesDir = dir.resolve("classes");
        this.runtimeClasspath = runtimeClasspath;
        this.classes = classes;
    }

    /**
     * Generates the module's sources under {@code dir/src}, compiles them in memory against the running class
     * path (which holds the jasyncio runtime and annotations) and writes the class files under {@code dir/classes}.
     */
    public static CompiledModule create(ModuleGenerator generator, Path dir) throws IOException {
        deleteTree(dir);
        Map<String, String> sources = generator.sources();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = dir.resolve("src").resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        Map<String, byte[]> classes = InMemoryCompiler.compile(sources, System.getProperty("java.class.path"));
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = dir.resolve("classes").resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return new CompiledModule(dir, runningClasspath(), classes);
    }

    /** A module {@link #create created} earlier, its class files read back into memory. */
    public static CompiledModule load(Path dir) throws IOException {
        Path classesDir = dir.resolve("classes");
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String relative = classesDir.relativize(f).toString().replace(File.separatorChar, '/');
                classes.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
        return new CompiledModule(dir, runningClasspath(), classes);
    }

    /** Deletes the module's directory. */
    public void delete() throws IOException {
        deleteTree(dir);
    }

    /** Class files javac wrote for the module. */
    public int classFiles() {
        return classes.size();
    }

    /**
     * Every class through {@link Instrumenter#mayNeedInstrumenting}, and those that may need it through a fresh
     * {@link Instrumenter} (a build starts with an empty cache of the classpath). The results are dropped.
     */
    public Pass instrumentInMemory() {
        long start = System.nanoTime();
        // The module's own classes on the classpath too, as the plugin passes target/classes.
        List<Path> cp = new ArrayList<>(runtimeClasspath);
        cp.add(0, classesDir);
        Instrumenter instrumenter = Instrumenter.forClasspath(cp);
        int instrumented = 0;
        int methods = 0;
        int failed = 0;
        for (byte[] bytes : classes.values()) {
            if (!Instrumenter.mayNeedInstrumenting(bytes)) {
                continue;
            }
            InstrumentResult r = instrumenter.instrument(bytes);
            if (r.status() == InstrumentResult.Status.INSTRUMENTED) {
                instrumented++;
                methods += r.asyncMethodCount();
            } else if (r.status() == InstrumentResult.Status.FAILED) {
                failed++;
            }
        }
        return new Pass(System.nanoTime() - start, classes.size(), instrumented, methods, failed);
    }

    /**
     * What the plugin's {@code instrument} goal does on a clean build, over a fresh copy of the pristine class
     * files in {@code work} (the copy is not timed): the {@link ClassesDirectoryInstrumenter} with a staleness
     * record, then the source diagnostics on the sources of the classes it flagged (none in a correct module).
     */
    public Pass instrumentDirectory(Path work) throws IOException {
        deleteTree(work);
        Path classesCopy = work.resolve("classes");
        copyTree(classesDir, classesCopy);
        long start = System.nanoTime();
        List<Path> roots = List.of(sourceRoot);
        List<Path> cp = new ArrayList<>(runtimeClasspath);
        cp.add(0, classesCopy);
        ClassesDirectoryReport report = ClassesDirectoryInstrumenter.builder(classesCopy)
                .classpath(cp)
                .sourceRoots(roots)
                .stateFile(work.resolve("jasyncio").resolve("classes.state"))
                .build()
                .run();
        List<Diagnostic> diagnostics = SourceDiagnostics.sharpen(roots, report.diagnostics());
        long nanos = System.nanoTime() - start;
        int failed = report.failed() + (int) diagnostics.stream().filter(Diagnostic::isError).count();
        return new Pass(nanos, report.classesScanned(), report.classesInstrumented(), report.asyncMethods(), failed);
    }

    /**
     * The source diagnostics on every source that says {@code @Async} or calls {@code await(}: what a build would
     * pay if the bytecode pass flagged every async class. {@link Pass#instrumented()} counts those sources.
     */
    public Pass checkSources() throws IOException {
        long start = System.nanoTime();
        List<Path> candidates = asyncSources();
        List<Diagnostic> diagnostics = SourceDiagnostics.check(List.of(sourceRoot), candidates);
        long nanos = System.nanoTime() - start;
        int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
        return new Pass(nanos, classes.size(), candidates.size(), 0, errors);
    }

    /** The sources saying {@code @Async} or calling {@code await(}. */
    private List<Path> asyncSources() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (text.contains("@Async") || text.contains("await(")) {
                    found.add(f.toAbsolutePath());
                }
            }
        }
        return found;
    }

    private static List<Path> runningClasspath() {
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.add(Path.of(entry).toAbsolutePath());
            }
        }
        return cp;
    }

    /** Copies a folder, time stamps included (javac's up-to-date check and the staleness record read them). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
