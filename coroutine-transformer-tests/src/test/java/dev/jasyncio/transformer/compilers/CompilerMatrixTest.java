package dev.jasyncio.transformer.compilers;

import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.validation.ValidationSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The transformer on other compilers' class files: the control-flow twins and a class of generated programs,
 * compiled by javac for Java 17, 21 and 25 and by ECJ, are instrumented, checked with ASM's verifier, loaded with
 * the JVM's verifier on and run against their synchronous twins. Class files newer than the test JVM are checked in
 * a JDK 25 child JVM.
 */
class CompilerMatrixTest {

    @ParameterizedTest
    @EnumSource(Compiler.class)
    void instrumentedClassesVerifyLoadAndAgreeWithTheirTwins(Compiler compiler) throws IOException {
        Map<String, byte[]> compiled = compiler.compile(MatrixSources.all(compiler.isEcj()));
        for (byte[] classFile : compiled.values()) {
            assertEquals(compiler.release + 44, majorVersion(classFile), "class file version");
        }
        List<InstrumentResult> results = new ArrayList<>();
        Map<String, byte[]> classes = ValidationSupport.instrument(compiled, results, false);
        Set<String> instrumented = new HashSet<>();
        for (InstrumentResult r : results) {
            assertTrue(r.status() != InstrumentResult.Status.FAILED, () -> r.className() + ": " + r.diagnostics());
            if (r.status() == InstrumentResult.Status.INSTRUMENTED) {
                instrumented.add(r.className().replace('/', '.'));
            }
        }
        assertTrue(instrumented.containsAll(MatrixSources.all(compiler.isEcj()).keySet()),
                () -> "instrumented: " + instrumented);

        List<String> problems = compiler.loadableHere() ? MatrixChecks.check(classes) : inJdk25(classes);
        assertTrue(problems.isEmpty(), () -> compiler + ":\n" + String.join("\n\n", problems));
    }

    /** Runs {@link MatrixChecks#main} in a JDK 25 JVM on the instrumented classes. */
    private static List<String> inJdk25(Map<String, byte[]> classes) throws IOException {
        Path jdk = Compiler.jdk25();
        assumeTrue(jdk != null, "loading Java 21+ class files needs a JDK 25 at " + Compiler.JDK25);
        Path dir = Files.createTempDirectory("jasyncio-matrix-classes");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        ChildProcess.Result r = ChildProcess.run(List.of(jdk.resolve("bin/java").toString(), "-cp",
                System.getProperty("java.class.path"), MatrixChecks.class.getName(), dir.toString()));
        System.out.println(r.output.trim());
        return r.exitCode == 0 ? List.of() : List.of("JDK 25 child JVM (exit " + r.exitCode + "):\n" + r.output);
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }
}
