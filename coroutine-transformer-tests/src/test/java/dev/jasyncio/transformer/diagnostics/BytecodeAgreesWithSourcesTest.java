package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.ClassesDirectoryInstrumenter;
import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.SourceDiagnostics;
import dev.jasyncio.transformer.validation.ValidationSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build runs the source checks only on the files whose classes the bytecode pass flagged, and puts their
 * findings in place of the bytecode ones. That is only sound if the bytecode pass flags every file the source
 * checks would: this compiles each marked test source with javac, instruments it as the plugin does, and asserts
 * that the sharpened findings are exactly what the source checks report on the file, lines and columns included.
 * (That correct code gets no bytecode finding is shown by every program the validation suite and the fuzzer run.)
 */
class BytecodeAgreesWithSourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"AwaitOutsideAsyncCases", "AwaitInLambdaCases", "AwaitInSynchronizedCases",
            "AwaitMethodReferenceCases", "AsyncNotCoroutineCases", "AsyncAbstractCases",
            "SeveralMisusesCases", "ReturnNullInAsyncCases", "AsyncWithOutsideAsyncCases",
            "AsyncForOutsideAsyncCases"})
    void sharpenedBytecodeFindingsAreTheSourceFindings(String name, @TempDir Path dir) throws IOException {
        String code = DiagnosticTestHelper.resource(name + ".java");
        Path root = dir.resolve("src");
        Path source = root.resolve("demo").resolve(name + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, code);
        Path classes = dir.resolve("classes");
        writeClasses(classes, compile(name, code));

        // The runtime is on the classpath, as in a build: the bytecode pass tells AsyncCloseables by their types.
        List<Path> classpath = new java.util.ArrayList<>(List.of(classes));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        ClassesDirectoryReport report = ClassesDirectoryInstrumenter.builder(classes)
                .classpath(classpath)
                .sourceRoots(List.of(root))
                .build()
                .run();
        List<String> sharpened = formatted(SourceDiagnostics.sharpen(List.of(root), report.diagnostics()));
        List<String> fromSources = formatted(SourceDiagnostics.check(List.of(root), List.of(source)));

        assertEquals(fromSources, sharpened);
        assertFalse(fromSources.isEmpty(), "the cases file has findings");
        assertTrue(sharpened.stream().allMatch(d -> d.startsWith(source.toString() + ":[")), "" + sharpened);
    }

    /**
     * Without sources, the bytecode pass words each finding as the source checks do: one text per situation, from
     * the registry's wordings, only the position differs (the bytecode knows lines, not columns).
     */
    @org.junit.jupiter.api.Test
    void withoutSourcesTheBytecodeFindingsReadAsTheSourceOnes(@TempDir Path dir) throws IOException {
        String name = "SeveralMisusesCases";
        String code = DiagnosticTestHelper.resource(name + ".java");
        Path classes = dir.resolve("classes");
        writeClasses(classes, compile(name, code));
        ClassesDirectoryReport report = ClassesDirectoryInstrumenter.builder(classes)
                .classpath(List.of(classes))
                .build()
                .run();
        List<String> fromBytecode = report.diagnostics().stream()
                .map(d -> d.id() + " " + d.message() + " / " + d.hint()).sorted().toList();
        List<String> fromSources = SourceDiagnostics.checkSource(name + ".java", code).stream()
                .map(d -> d.id() + " " + d.message() + " / " + d.hint()).sorted().toList();
        assertEquals(fromSources, fromBytecode);
    }

    @org.junit.jupiter.api.Test
    void javacRefusesAsyncOnAConstructorSoOnlySourcesCanSeeIt() {
        String code = DiagnosticTestHelper.resource("AsyncConstructorCases.java");
        assertFalse(ValidationSupport.compile(ToolProvider.getSystemJavaCompiler(),
                Map.of("demo.AsyncConstructorCases", code), options()).ok());
    }

    private static Map<String, byte[]> compile(String name, String code) {
        ValidationSupport.Compilation c = ValidationSupport.compile(ToolProvider.getSystemJavaCompiler(),
                Map.of("demo." + name, code), options());
        assertTrue(c.ok(), c.errors);
        return c.classes;
    }

    private static List<String> options() {
        return List.of("-g", "--release", "17", "-proc:none", "-classpath", System.getProperty("java.class.path"));
    }

    private static void writeClasses(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Path file = dir.resolve(c.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
    }

    private static List<String> formatted(List<Diagnostic> found) {
        return found.stream().map(Diagnostic::format).sorted().collect(Collectors.toList());
    }
}
