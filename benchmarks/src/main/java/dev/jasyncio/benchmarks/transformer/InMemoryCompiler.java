package dev.jasyncio.benchmarks.transformer;

import javax.tools.Diagnostic;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles sources held in memory with the JDK's javac ({@code javax.tools}) and keeps the class files in memory
 * too, so the transformer can be timed on bytes alone.
 */
final class InMemoryCompiler {

    private InMemoryCompiler() {
    }

    /**
     * Compiles {@code sources} (path relative to a source root to text) against {@code classpath} for Java 17, as
     * Maven would; returns internal class name to class file, sorted by name as the directory instrumenter visits
     * them. Throws with javac's messages if anything does not compile.
     */
    static Map<String, byte[]> compile(Map<String, String> sources, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, code) -> units.add(new Source(path, code)));
        Map<String, byte[]> classes = new TreeMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        try (Output files = new Output(standard, classes)) {
            List<String> options = List.of("--release", "17", "-classpath", classpath, "-proc:none",
                    "-parameters", "-g");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                StringBuilder why = new StringBuilder("generated sources do not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        why.append('\n').append(d);
                    }
                }
                throw new IllegalStateException(why.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** A source file held as text. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String path, String code) {
            super(URI.create("mem:///" + path), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** Sends every class file javac writes into the map instead of onto disk. */
    private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, byte[]> classes;

        Output(StandardJavaFileManager standard, Map<String, byte[]> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                throw new IllegalStateException("unexpected output " + className + " in " + location);
            }
            String internalName = className.replace('.', '/');
            return new SimpleJavaFileObject(URI.create("mem:///" + internalName + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(internalName, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
