package dev.jasyncio.transformer;

import dev.jasyncio.transformer.internal.io.AtomicFiles;
import dev.jasyncio.transformer.internal.io.ClassFileHeader;
import dev.jasyncio.transformer.internal.io.InOrderWork;
import dev.jasyncio.transformer.internal.io.InstrumentState;
import dev.jasyncio.transformer.internal.io.PathFilter;
import dev.jasyncio.transformer.internal.io.SourceFileLocator;
import dev.jasyncio.transformer.internal.rules.Texts;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Instruments a whole output folder in place, the way a build tool runs the transformer after javac.
 *
 * <p>Class files are visited in sorted order of their relative paths, so logs and failures are the same from run
 * to run. A class whose constant pool mentions nothing async is not parsed. An instrumented class and its frame
 * classes are each replaced atomically, frames first, so a run stopped part way never leaves a class pointing at
 * a frame that was not written. A class that fails is left untouched and its diagnostics reported. A staleness
 * record lets a later run skip classes it already instrumented, without affecting what the run produces. Classes
 * are transformed in parallel; writing and reporting keep the sorted order.
 */
public final class ClassesDirectoryInstrumenter {

    /** The transformer as this class uses it; tests substitute a fake. */
    interface ClassRewriter {
        boolean mayNeedInstrumenting(byte[] classFile);

        InstrumentResult instrument(byte[] classFile);
    }

    private final Path classesDir;
    private final PathFilter filter;
    private final boolean failFast;
    private final Path stateFile;
    private final SourceFileLocator sources;
    private final ClassRewriter rewriter;
    /** What {@link #staleClassFiles()} found, used once by the {@link #run()} that follows instead of looking again. */
    private Survey survey;

    /**
     * The folder's class files, the record loaded, what the record says of each file as it was found, and how many
     * are stale (-1 when not known).
     */
    private record Survey(List<String> files, InstrumentState state, Map<String, Known> known, int stale) {
    }

    /** One file's attributes and what the record says of it. */
    private record Known(BasicFileAttributes attrs, InstrumentState.Status status) {
    }

    private ClassesDirectoryInstrumenter(Builder b, ClassRewriter rewriter) {
        this.classesDir = b.classesDir;
        this.filter = PathFilter.of(b.includes, b.excludes);
        this.failFast = b.failFast;
        this.stateFile = b.stateFile;
        this.sources = new SourceFileLocator(b.sourceRoots);
        this.rewriter = rewriter;
    }

    /** Starts configuring a run over {@code classesDir}. */
    public static Builder builder(Path classesDir) {
        return new Builder(classesDir);
    }

    /**
     * Instruments every selected class file. Problems in user code come back as diagnostics in the report;
     * I/O failures and {@link InstrumentationException}s (transformer bugs) are thrown.
     */
    public ClassesDirectoryReport run() throws IOException {
        ClassesDirectoryReport report = new ClassesDirectoryReport();
        if (!Files.isDirectory(classesDir)) {
            return report;
        }
        Survey found = survey != null ? survey : new Survey(null, loadState(), Map.of(), -1);
        survey = null;
        InstrumentState state = found.state();
        try {
            // Listed before anything is written, so frame classes written by this run are not visited by it.
            List<String> selected = found.files() != null ? found.files()
                    : List.copyOf(selectedClassFiles().keySet());
            // Classes are transformed in parallel, and written and reported one by one in path order: the outcome,
            // the logs and where a fail-fast run stops do not depend on the threads. The state is only read by the
            // workers; it is written by apply, on this thread.
            Map<String, Known> known = found.known();
            // Nothing to read when the survey found every file up to date: no workers for that.
            int workers = found.stale() == 0 ? 1 : WORKERS;
            try (InOrderWork<String, Prepared> work = new InOrderWork<>(selected,
                    relative -> prepare(relative, state, known.get(relative)), workers, WINDOW)) {
                while (work.hasNext()) {
                    Prepared p = work.next();
                    report.addScanned();
                    boolean ok = apply(p, state, report);
                    if (!ok && failFast) {
                        report.markStoppedEarly();
                        break;
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while instrumenting " + classesDir);
            }
            removeOrphanFrames(state);
        } finally {
            if (stateFile != null) {
                state.save(stateFile);
            }
        }
        return report;
    }

    /**
     * Deletes the frame classes an earlier run generated for async methods that are gone (renamed, deleted, or in a
     * class that is gone): left behind, they would stay in the folder and in the jars built from it until a clean
     * build. Only files the staleness record says were generated, and unchanged since, are deleted.
     */
    private void removeOrphanFrames(InstrumentState state) throws IOException {
        for (String orphan : state.orphanFrames(owner -> !Files.exists(classesDir.resolve(owner)))) {
            Files.deleteIfExists(classesDir.resolve(orphan));
            state.forget(orphan);
        }
    }

    /**
     * How many selected class files a {@link #run} would have to read: those the staleness record does not have
     * exactly as they are, instrumented or with nothing async. Costs a directory walk and a look at each file's
     * size and time stamp, so a build can tell how much work there is before loading the transformer.
     */
    public int staleClassFiles() throws IOException {
        if (!Files.isDirectory(classesDir)) {
            return 0;
        }
        SortedMap<String, BasicFileAttributes> selected = selectedClassFiles();
        InstrumentState state = loadState();
        Map<String, Known> known = new HashMap<>();
        int stale = 0;
        for (Map.Entry<String, BasicFileAttributes> e : selected.entrySet()) {
            String relative = e.getKey();
            InstrumentState.Status status = state.status(relative, classesDir.resolve(relative), e.getValue());
            known.put(relative, new Known(e.getValue(), status));
            if (status == InstrumentState.Status.STALE) {
                stale++;
            }
        }
        survey = new Survey(List.copyOf(selected.keySet()), state, known, stale);
        return stale;
    }

    private InstrumentState loadState() {
        return stateFile == null ? InstrumentState.empty(Instrumenter.VERSION)
                : InstrumentState.load(stateFile, Instrumenter.VERSION);
    }

    /** One worker per core: the writing, on the caller's thread, is mostly waiting for the file system. */
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();
    /** How far the workers may get ahead of the writing. */
    private static final int WINDOW = 64;

    /** What the transformer made of one class file, not yet written. */
    private record Prepared(String relative, Path file, BasicFileAttributes attrs, byte[] bytes,
                            InstrumentState.Status known, List<Diagnostic> refused, InstrumentResult result) {
    }

    /** {@code surveyed}: what {@link #staleClassFiles()} found of the file, or null to look now. */
    private Prepared prepare(String relative, InstrumentState state, Known surveyed) {
        try {
            return prepareOrFail(relative, state, surveyed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Prepared prepareOrFail(String relative, InstrumentState state, Known surveyed) throws IOException {
        Path file = classesDir.resolve(relative);
        BasicFileAttributes attrs = surveyed != null ? surveyed.attrs()
                : Files.readAttributes(file, BasicFileAttributes.class);
        InstrumentState.Status known = surveyed != null ? surveyed.status() : state.status(relative, file, attrs);
        if (known != InstrumentState.Status.STALE) {
            return new Prepared(relative, file, attrs, null, known, null, null);
        }
        byte[] bytes = Files.readAllBytes(file);
        boolean tooNew = ClassFileHeader.majorVersion(bytes) > ClassFileHeader.MAX_SUPPORTED_MAJOR;
        try {
            if (!rewriter.mayNeedInstrumenting(bytes)) {
                return new Prepared(relative, file, attrs, bytes, known, null, null);
            }
            // Checked here rather than left to ASM, whose refusal may reach us wrapped as an internal error.
            if (tooNew) {
                return new Prepared(relative, file, attrs, bytes, known,
                        List.of(unsupportedVersion(file, relative, bytes)), null);
            }
            return new Prepared(relative, file, attrs, bytes, known, null, rewriter.instrument(bytes));
        } catch (IllegalArgumentException e) {
            // ASM's ClassReader refuses class files newer than it knows with IllegalArgumentException.
            if (!tooNew) {
                throw new InstrumentationException(classNameOf(relative), e);
            }
            return new Prepared(relative, file, attrs, bytes, known,
                    List.of(unsupportedVersion(file, relative, bytes)), null);
        }
    }

    /** Writes and reports one prepared class; returns false when the class failed. */
    private boolean apply(Prepared p, InstrumentState state, ClassesDirectoryReport report) throws IOException {
        if (p.known() != InstrumentState.Status.STALE) {
            state.keep(p.relative());
            if (p.known() == InstrumentState.Status.INSTRUMENTED) {
                report.addAlreadyInstrumented(true);
            }
            return true;
        }
        if (p.refused() != null) {
            report.addFailure(p.refused());
            return false;
        }
        InstrumentResult result = p.result();
        if (result == null) {
            state.recordPlain(p.relative(), p.attrs(), p.bytes()); // nothing async in it
            return true;
        }
        switch (result.status()) {
            case INSTRUMENTED -> {
                for (Map.Entry<String, byte[]> frame : result.generatedClasses().entrySet()) {
                    Path frameFile = classFileOf(frame.getKey());
                    AtomicFiles.write(frameFile, frame.getValue());
                    // It carries the marker, as the class does: recorded so the next run need not read it.
                    state.recordFrame(frame.getKey() + ".class", frameFile, frame.getValue(), p.relative());
                }
                AtomicFiles.write(p.file(), result.classBytes());
                state.record(p.relative(), p.file(), result.classBytes());
                report.addInstrumented(result);
                report.addWarnings(located(result));
            }
            case ALREADY_INSTRUMENTED -> {
                state.record(p.relative(), p.file(), p.bytes());
                report.addAlreadyInstrumented(false);
            }
            case FAILED -> {
                report.addFailure(located(result));
                return false;
            }
            case UNCHANGED -> {
                state.recordPlain(p.relative(), p.attrs(), p.bytes());
                report.addWarnings(located(result));
            }
        }
        return true;
    }

    /**
     * The selected class files by relative path, in sorted order, with the attributes the walk read anyway: no
     * second look at each file. A link to a class file counts as the file; links to folders are not followed.
     */
    private SortedMap<String, BasicFileAttributes> selectedClassFiles() throws IOException {
        SortedMap<String, BasicFileAttributes> found = new TreeMap<>();
        Files.walkFileTree(classesDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().endsWith(".class")) {
                    return FileVisitResult.CONTINUE;
                }
                BasicFileAttributes target = attrs.isSymbolicLink() && Files.isRegularFile(file)
                        ? Files.readAttributes(file, BasicFileAttributes.class) : attrs;
                String relative = relativeName(file);
                if (target.isRegularFile() && filter.accepts(relative)) {
                    found.put(relative, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private String relativeName(Path file) {
        String relative = classesDir.relativize(file).toString();
        return File.separatorChar == '/' ? relative : relative.replace(File.separatorChar, '/');
    }

    private Path classFileOf(String internalName) {
        Path target = classesDir.resolve(internalName + ".class").normalize();
        if (!target.startsWith(classesDir.normalize())) {
            throw new InstrumentationException(internalName,
                    new IllegalStateException("generated class name escapes the classes directory"));
        }
        return target;
    }

    private List<Diagnostic> located(InstrumentResult result) {
        return result.diagnostics().stream().map(d -> sources.locate(d, result.className())).toList();
    }

    private static String classNameOf(String relative) {
        return relative.substring(0, relative.length() - ".class".length());
    }

    private static Diagnostic unsupportedVersion(Path file, String relative, byte[] bytes) {
        int major = ClassFileHeader.majorVersion(bytes);
        String className = classNameOf(relative).replace('/', '.');
        return Texts.UNSUPPORTED_CLASS_VERSION.at(file.toAbsolutePath().toString(), 0, 0, className, major,
                ClassFileHeader.javaRelease(major), ClassFileHeader.MAX_SUPPORTED_JAVA);
    }

    /** The configuration of one run; every setting but the classes directory is optional. */
    public static final class Builder {
        private final Path classesDir;
        private List<Path> classpath = List.of();
        private List<String> includes = List.of("**/*.class");
        private List<String> excludes = List.of();
        private List<Path> sourceRoots = List.of();
        private boolean failFast;
        private Path stateFile;

        private Builder(Path classesDir) {
            this.classesDir = Objects.requireNonNull(classesDir, "classesDir").toAbsolutePath();
        }

        /** Where types are resolved from: dependencies and the classes directory itself. */
        public Builder classpath(List<Path> classpath) {
            this.classpath = List.copyOf(classpath);
            return this;
        }

        /** Ant-style globs over class file paths relative to the directory; empty or null means all classes. */
        public Builder includes(List<String> includes) {
            this.includes = includes == null || includes.isEmpty() ? List.of("**/*.class") : List.copyOf(includes);
            return this;
        }

        /** Ant-style globs of class files to leave alone. */
        public Builder excludes(List<String> excludes) {
            this.excludes = excludes == null ? List.of() : List.copyOf(excludes);
            return this;
        }

        /** Source roots, so diagnostics from bytecode name the source file by its absolute path. */
        public Builder sourceRoots(List<Path> sourceRoots) {
            this.sourceRoots = List.copyOf(sourceRoots);
            return this;
        }

        /** Stop at the first class that fails instead of reporting every failure. */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /** Where to keep the staleness record; none when not set. */
        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        /** An instrumenter backed by the real transformer, created only if some class needs it. */
        public ClassesDirectoryInstrumenter build() {
            // The folder itself comes first: frame classes must not take the name of a class already in it.
            List<Path> cp = new java.util.ArrayList<>(List.of(classesDir));
            classpath.stream().filter(p -> !p.equals(classesDir)).forEach(cp::add);
            return new ClassesDirectoryInstrumenter(this, new ClassRewriter() {
                private volatile Instrumenter instrumenter;

                @Override
                public boolean mayNeedInstrumenting(byte[] classFile) {
                    return Instrumenter.mayNeedInstrumenting(classFile);
                }

                @Override
                public InstrumentResult instrument(byte[] classFile) {
                    return instrumenter().instrument(classFile);
                }

                /** Reading the classpath costs: a module without async code never pays for it. */
                private Instrumenter instrumenter() {
                    Instrumenter i = instrumenter;
                    if (i == null) {
                        synchronized (this) {
                            i = instrumenter;
                            if (i == null) {
                                i = Instrumenter.forClasspath(cp);
                                instrumenter = i;
                            }
                        }
                    }
                    return i;
                }
            });
        }

        ClassesDirectoryInstrumenter build(ClassRewriter rewriter) {
            return new ClassesDirectoryInstrumenter(this, rewriter);
        }
    }
}
