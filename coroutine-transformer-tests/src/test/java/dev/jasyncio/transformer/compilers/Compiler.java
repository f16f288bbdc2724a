package dev.jasyncio.transformer.compilers;

import dev.jasyncio.transformer.validation.ValidationSupport;

import javax.lang.model.SourceVersion;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A compiler of the matrix and the release it targets. javac runs in-process when the test JDK supports the
 * release, otherwise as the JDK 25 javac in a process ({@value #JDK25_PROPERTY}, by default {@value #JDK25}); ECJ
 * runs in-process. A compiler that is not there skips its tests.
 */
enum Compiler {
    JAVAC_17(17, false), JAVAC_21(21, false), JAVAC_25(25, false), ECJ_17(17, true);

    static final String JDK25_PROPERTY = "jasyncio.jdk25";
    static final String JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

    final int release;
    private final boolean ecj;

    Compiler(int release, boolean ecj) {
        this.release = release;
        this.ecj = ecj;
    }

    /** The JDK 25 home, or null when it is not installed. */
    static Path jdk25() {
        Path home = Paths.get(System.getProperty(JDK25_PROPERTY, JDK25));
        return Files.isExecutable(home.resolve("bin/java")) ? home : null;
    }

    /** Whether the test JVM can load this compiler's class files. */
    boolean isEcj() {
        return ecj;
    }

    boolean loadableHere() {
        return Runtime.version().feature() >= release;
    }

    /** The class files of {@code sources}, by internal name; skips the test when the compiler is missing. */
    Map<String, byte[]> compile(Map<String, String> sources) {
        List<String> options = new ArrayList<>(List.of("-g", "-nowarn", "-proc:none", "--release",
                Integer.toString(release), "-classpath", System.getProperty("java.class.path")));
        if (ecj) {
            return ValidationSupport.compileWithEcj(sources, List.of("-g", "-nowarn", "--release",
                    Integer.toString(release)));
        }
        if (SourceVersion.latestSupported().ordinal() >= release) {
            return inProcess(ToolProvider.getSystemJavaCompiler(), sources, options);
        }
        Path jdk = jdk25();
        assumeTrue(jdk != null, "javac --release " + release + " needs JDK " + release + "+; none at " + JDK25
                + " (set -D" + JDK25_PROPERTY + ")");
        return external(jdk.resolve("bin/javac"), sources, options);
    }

    private static Map<String, byte[]> inProcess(JavaCompiler compiler, Map<String, String> sources,
                                                 List<String> options) {
        ValidationSupport.Compilation c = ValidationSupport.compile(compiler, sources, options);
        if (!c.ok()) {
            fail("compilation failed:\n" + c.errors);
        }
        return c.classes;
    }

    private static Map<String, byte[]> external(Path javac, Map<String, String> sources, List<String> options) {
        Path dir = tempDirectory();
        List<String> command = new ArrayList<>(List.of(javac.toString(), "-d", dir.resolve("classes").toString()));
        command.addAll(options);
        command.addAll(write(dir, sources));
        ChildProcess.Result r = ChildProcess.run(command);
        if (r.exitCode != 0) {
            fail(javac + " failed (" + r.exitCode + "):\n" + r.output);
        }
        return ValidationSupport.readClasses(dir.resolve("classes"));
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("jasyncio-matrix");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sources under {@code dir}; returns their paths. */
    private static List<String> write(Path dir, Map<String, String> sources) {
        List<String> files = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = dir.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                files.add(file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
