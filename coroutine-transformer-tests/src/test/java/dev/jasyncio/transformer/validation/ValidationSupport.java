package dev.jasyncio.transformer.validation;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.Instrumenter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.TraceClassVisitor;

import javax.tools.Diagnostic.Kind;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The validation pipeline of the transformer's tests: compile a Java source in-process with javac, instrument every
 * class, check each with ASM's verifier and link each in a fresh class loader, where the JVM verifies it against the
 * stack map frames the transformer wrote, then run them on the real runtime. The instrumented bytecode is dumped as text under {@code target/asm/} so a failure can
 * be read.
 */
public final class ValidationSupport {

    private ValidationSupport() {
    }

    /** A compiled and instrumented snippet, loaded and ready to run. */
    public static final class Loaded {
        public final Map<String, byte[]> classes;
        public final ClassLoader loader;
        public final List<InstrumentResult> results;

        Loaded(Map<String, byte[]> classes, ClassLoader loader, List<InstrumentResult> results) {
            this.classes = classes;
            this.loader = loader;
            this.results = results;
        }

        public Class<?> type(String name) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }

        /** Calls a static method and returns what it returns; exceptions come out unwrapped. */
        public Object call(String className, String method, Object... args) throws Throwable {
            for (Method m : type(className).getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    m.setAccessible(true);
                    try {
                        return m.invoke(null, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
            throw new AssertionError("no method " + method + " with " + args.length + " arguments in " + className);
        }

        /** Runs the coroutine a static method returns with {@code Asyncio.run} and returns its result. */
        public Object run(String className, String method, Object... args) throws Throwable {
            Object coro = call(className, method, args);
            return Asyncio.run((Coroutine<?>) coro);
        }

        /**
         * Bytes this thread allocates per call while {@code method(calls)} runs (after five warm-up runs of 20,000),
         * checking that it returns {@code expected}: an allocation-free path shows a fraction of a byte.
         */
        public double allocatedBytesPerCall(String className, String method, int calls, Object expected)
                throws Throwable {
            com.sun.management.ThreadMXBean mx =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            for (int warm = 0; warm < 5; warm++) {
                run(className, method, 20_000);
            }
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            Object result = run(className, method, calls);
            long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (!expected.equals(result)) {
                throw new AssertionError(className + "." + method + " returned " + result + ", expected " + expected);
            }
            return bytes / (double) calls;
        }
    }

    /** What a compilation produced: the class files by internal name, or the compiler's error messages. */
    public static final class Compilation {
        public final Map<String, byte[]> classes;
        public final String errors;

        public Compilation(Map<String, byte[]> classes, String errors) {
            this.classes = classes;
            this.errors = errors;
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Compiles {@code source} (the public class {@code className}) for Java 17 and returns its class files. */
    public static Map<String, byte[]> compile(String className, String source, String... options) {
        List<String> opts = new ArrayList<>(List.of("-g", "--release", "17", "-classpath",
                System.getProperty("java.class.path")));
        opts.addAll(List.of(options));
        Compilation c = compile(ToolProvider.getSystemJavaCompiler(), Map.of(className, source), opts);
        if (!c.ok()) {
            fail("compilation failed:\n" + c.errors);
        }
        return c.classes;
    }

    /**
     * Compiles several sources (by fully qualified class name) in memory with {@code compiler} (javac, or any other
     * {@code javax.tools} compiler such as ECJ's) and the given options; never fails the test.
     */
    public static Compilation compile(JavaCompiler compiler, Map<String, String> sources, List<String> options) {
        DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(errors, null, null);
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        out.put(name.replace('.', '/'), bytes);
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey().replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return e.getValue();
                }
            });
        }
        boolean ok = compiler.getTask(null, files, errors, options, null, units).call();
        StringBuilder msg = new StringBuilder();
        errors.getDiagnostics().stream().filter(d -> d.getKind() == Kind.ERROR)
                .forEach(d -> msg.append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
                        .append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n'));
        if (!ok && msg.length() == 0) {
            msg.append("compilation failed without an error message\n");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new Compilation(classes, msg.toString());
    }

    /**
     * Compiles with the Eclipse compiler (ECJ's batch compiler, on files: the IDE's compiler), which shapes some code
     * differently from javac; options as for javac ({@code --release}, {@code -g}, ...). Fails the test on errors.
     */
    public static Map<String, byte[]> compileWithEcj(Map<String, String> sources, List<String> options) {
        try {
            Path dir = Files.createTempDirectory("jasyncio-ecj");
            List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-proc:none",
                    "-classpath", System.getProperty("java.class.path")));
            args.addAll(options);
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = dir.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            StringWriter out = new StringWriter();
            if (!org.eclipse.jdt.core.compiler.batch.BatchCompiler.compile(args.toArray(new String[0]),
                    new PrintWriter(out), new PrintWriter(out), null)) {
                fail("ecj failed:\n" + out);
            }
            return readClasses(dir.resolve("classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class files under {@code dir}, by internal name. */
    public static Map<String, byte[]> readClasses(Path dir) {
        Map<String, byte[]> classes = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    /** Instruments every class; fails the test on any diagnostic. */
    public static Loaded instrumentAndLoad(Map<String, byte[]> compiled) {
        List<InstrumentResult> results = new ArrayList<>();
        Map<String, byte[]> classes = instrument(compiled, results);
        for (InstrumentResult r : results) {
            if (r.status() == InstrumentResult.Status.FAILED) {
                StringBuilder msg = new StringBuilder("instrumentation failed for " + r.className() + ":\n");
                for (Diagnostic d : r.diagnostics()) {
                    msg.append(d.format()).append('\n');
                }
                fail(msg.toString());
            }
        }
        ClassLoader loader = loader(classes);
        assertVerified(classes, loader);
        return new Loaded(classes, loader, results);
    }

    /**
     * Fails the test unless every class passes both checks of {@link #independentCheck}, resolving types through
     * {@code loader}, which must define {@code classes} (the classes are linked there, not initialized).
     */
    public static void assertVerified(Map<String, byte[]> classes, ClassLoader loader) {
        Map<String, String> rejected = independentCheck(classes, loader);
        if (!rejected.isEmpty()) {
            StringBuilder msg = new StringBuilder();
            rejected.forEach((name, report) -> msg.append(name).append(":\n").append(report).append('\n'));
            fail("rejected by a verifier:\n" + msg);
        }
    }

    /**
     * What two checks that owe nothing to the transformer's own type analysis (which also computed the frames it
     * wrote) find wrong with each class, by internal name; empty when all pass. ASM's {@code CheckClassAdapter}
     * checks the structure and, with ASM's {@code SimpleVerifier}, the types of every instruction; it ignores the
     * stack map frames. The JVM's verifier, run by linking each class in {@code loader}, checks the code against
     * those frames, as it does at run time: a class the tests never run is checked too.
     */
    public static Map<String, String> independentCheck(Map<String, byte[]> classes, ClassLoader loader) {
        Map<String, String> rejected = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            String report;
            try {
                report = asmVerify(e.getValue(), loader);
            } catch (RuntimeException structural) {
                // CheckClassAdapter throws on a malformed class (a bad descriptor, an unknown label, ...).
                report = structural.toString();
            }
            if (!report.isEmpty()) {
                rejected.put(e.getKey(), "ASM's CheckClassAdapter: " + report);
            }
        }
        for (String name : classes.keySet()) {
            if (!rejected.containsKey(name)) {
                String report = jvmVerify(name, loader);
                if (!report.isEmpty()) {
                    rejected.put(name, "the JVM's verifier: " + report);
                }
            }
        }
        return rejected;
    }

    /**
     * Links class {@code internalName} in {@code loader} without initializing it: HotSpot links a class before it
     * lists its methods, and linking verifies it. Returns the error, empty when it links.
     */
    @SuppressWarnings("ReturnValueIgnored") // called for its effect: the class is linked to list its methods
    private static String jvmVerify(String internalName, ClassLoader loader) {
        try {
            Class.forName(internalName.replace('/', '.'), false, loader).getDeclaredMethods();
            return "";
        } catch (ClassNotFoundException | LinkageError e) {
            return e.toString();
        }
    }

    /** A fresh class loader defining {@code classes} (by internal name), the JVM's verifier on. */
    public static ClassLoader loader(Map<String, byte[]> classes) {
        return new ClassLoader(ValidationSupport.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name.replace('.', '/'));
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    /** What ASM's {@code CheckClassAdapter.verify} reports about one class; empty when it finds nothing. */
    public static String asmVerify(byte[] classFile, ClassLoader loader) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(report));
        return report.toString();
    }

    /** Instruments and returns the result for each class (no failure on diagnostics). */
    public static Map<String, byte[]> instrument(Map<String, byte[]> compiled, List<InstrumentResult> results) {
        return instrument(compiled, results, true);
    }

    /**
     * Instruments and returns the result for each class (no failure on diagnostics); {@code dump} writes the
     * bytecode as text under {@code target/asm/}.
     */
    public static Map<String, byte[]> instrument(Map<String, byte[]> compiled, List<InstrumentResult> results,
                                                 boolean dump) {
        Path dir = writeToTemp(compiled);
        List<Path> classpath = new ArrayList<>();
        classpath.add(dir);
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classpath.add(Paths.get(entry));
        }
        Instrumenter instrumenter = Instrumenter.forClasspath(classpath);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            InstrumentResult r = instrumenter.instrument(e.getValue());
            results.add(r);
            classes.put(e.getKey(), r.classBytes());
            classes.putAll(r.generatedClasses());
        }
        if (dump) {
            dump(classes);
        }
        return classes;
    }

    /** Compiles, instruments, checks and loads. */
    public static Loaded load(String className, String source) {
        return instrumentAndLoad(compile(className, source));
    }

    /** Runs {@code className.method()} and checks the coroutine's result. */
    public static void assertRuns(Object expected, Loaded loaded, String className, String method, Object... args)
            throws Throwable {
        assertEquals(expected, loaded.run(className, method, args));
    }

    private static Path writeToTemp(Map<String, byte[]> classes) {
        try {
            Path dir = Files.createTempDirectory("jasyncio-validation");
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                Path file = dir.resolve(e.getKey() + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dump(Map<String, byte[]> classes) {
        try {
            Path root = Paths.get("target", "asm");
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                Path file = root.resolve(e.getKey() + ".txt");
                Files.createDirectories(file.getParent());
                StringWriter text = new StringWriter();
                new ClassReader(e.getValue()).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
                Files.writeString(file, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
