package dev.jasyncio.transformer.compilers;

import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.validation.ValidationSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code async with} (and the other constructs of {@link ConstructSources}) on the class files of javac 17, 21, 25
 * and ECJ, whose shapes of try-with-resources differ: instrumented, verified, run against their synchronous twins
 * (in a JDK 25 child JVM for class files the test JVM cannot load).
 */
class AsyncConstructsMatrixTest {

    @ParameterizedTest
    @EnumSource(Compiler.class)
    void twinsAgreeOnEveryCompilersShape(Compiler compiler) throws IOException {
        Map<String, byte[]> compiled = compiler.compile(ConstructSources.all());
        List<InstrumentResult> results = new ArrayList<>();
        Map<String, byte[]> classes = ValidationSupport.instrument(compiled, results, false);
        for (InstrumentResult r : results) {
            assertTrue(r.status() != InstrumentResult.Status.FAILED, () -> r.className() + ": " + r.diagnostics());
        }
        List<String> problems = compiler.loadableHere() ? ConstructChecks.check(classes) : inJdk25(classes);
        assertTrue(problems.isEmpty(), () -> compiler + ":\n" + String.join("\n\n", problems));
    }

    private static List<String> inJdk25(Map<String, byte[]> classes) throws IOException {
        Path jdk = Compiler.jdk25();
        assumeTrue(jdk != null, "loading Java 21+ class files needs a JDK 25 at " + Compiler.JDK25);
        Path dir = Files.createTempDirectory("jasyncio-constructs-classes");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        ChildProcess.Result r = ChildProcess.run(List.of(jdk.resolve("bin/java").toString(), "-cp",
                System.getProperty("java.class.path"), ConstructChecks.class.getName(), dir.toString()));
        System.out.println(r.output.trim());
        return r.exitCode == 0 ? List.of() : List.of("JDK 25 child JVM (exit " + r.exitCode + "):\n" + r.output);
    }
}
