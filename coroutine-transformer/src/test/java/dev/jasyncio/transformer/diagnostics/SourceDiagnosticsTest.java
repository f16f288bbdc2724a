package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.SourceDiagnostics;
import dev.jasyncio.transformer.internal.source.SourceFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade over real files: source roots, files it cannot parse, newer Java syntax, line endings. */
class SourceDiagnosticsTest {

    private static final String HEADER = "package demo;\n"
            + "import dev.jasyncio.Coroutine;\n"
            + "import dev.jasyncio.annotations.Async;\n"
            + "import static dev.jasyncio.Asyncio.*;\n";

    @Test
    void asyncInterfacesDeclaredElsewhereInTheModuleMakeLambdasAsync(@TempDir Path root) throws IOException {
        write(root, "demo/Job.java", HEADER + "interface Job { Coroutine<String> run(); }\n");
        write(root, "demo/Runner.java", HEADER + "class Runner { static void submit(String name, Job job) { } }\n");
        Path use = write(root, "demo/Use.java", HEADER
                + "class Use {\n"
                + "    @Async\n"
                + "    static Coroutine<Void> go() {\n"
                + "        Runner.submit(\"a\", () -> {\n"
                + "            await(sleep(0));\n"
                + "            return other();\n"
                + "        });\n"
                + "        return Coroutine.of(null);\n"
                + "    }\n"
                + "    static Coroutine<String> other() { return Coroutine.of(\"\"); }\n"
                + "}\n");

        assertEquals(List.of(), SourceDiagnostics.check(List.of(root), List.of(use)));

        List<Diagnostic> alone = SourceDiagnostics.check(use);
        assertEquals(1, alone.size(), alone::toString);
        assertEquals("AWAIT_IN_LAMBDA", alone.get(0).id());
        assertEquals(use.toString(), alone.get(0).file());
        assertEquals(9, alone.get(0).line());
        assertEquals(13, alone.get(0).column());
    }

    @Test
    void skipsFilesThatDoNotParseAndChecksTheRest(@TempDir Path root) throws IOException {
        Path broken = write(root, "demo/Broken.java", HEADER + "class Broken { void f() { await(sleep(0)) } }\n");
        Path good = write(root, "demo/Good.java", HEADER + "class Good {\n    void f() { await(sleep(0)); }\n}\n");
        List<Diagnostic> found = SourceDiagnostics.check(List.of(root), List.of(broken, good));
        assertEquals(1, found.size(), found::toString);
        assertEquals(good.toString(), found.get(0).file());
        assertEquals(6, found.get(0).line());
    }

    @Test
    void findingsComeSortedByFileLineAndColumn(@TempDir Path root) throws IOException {
        Path b = write(root, "demo/B.java", HEADER + "class B {\n    void f() { await(sleep(0)); await(sleep(1)); }\n}\n");
        Path a = write(root, "demo/A.java", HEADER + "class A {\n    void f() { await(sleep(0)); }\n}\n");
        List<Diagnostic> found = SourceDiagnostics.check(List.of(root), List.of(b, a));
        assertEquals(List.of(a + ":6:16", b + ":6:16", b + ":6:33"),
                found.stream().map(d -> d.file() + ":" + d.line() + ":" + d.column()).toList());
    }

    @Test
    void readsSyntaxNewerThanJava21() {
        String code = "import module java.base;\n" + HEADER.substring(HEADER.indexOf('\n') + 1)
                + "class New {\n"
                + "    void f() {\n"
                + "        try { g(); } catch (Exception _) { }\n"
                + "        await(sleep(0));\n"
                + "    }\n"
                + "    void g() throws Exception { }\n"
                + "}\n";
        List<Diagnostic> found = SourceDiagnostics.checkSource("New.java", code);
        assertEquals(1, found.size(), found::toString);
        assertEquals(8, found.get(0).line());
        assertEquals(9, found.get(0).column());
    }

    @Test
    void windowsLineEndingsKeepTheLines() {
        String code = (HEADER + "class W {\n\n    void f() {\n        await(sleep(0));\n    }\n}\n").replace("\n", "\r\n");
        List<Diagnostic> found = SourceDiagnostics.checkSource("W.java", code);
        assertEquals(List.of("8:9"), found.stream().map(d -> d.line() + ":" + d.column()).toList());
    }

    @Test
    void filesThatNeverMentionJasyncioAreNotParsed() {
        assertFalse(SourceFilter.mayNeedChecking("class Plain { void f() { } }"));
        assertTrue(SourceFilter.mayNeedChecking("class C { void f() { await(x); } }"));
        assertTrue(SourceFilter.mayNeedChecking("class C { @Async void f() { } }"));
        assertEquals(List.of(), SourceDiagnostics.checkSource("Plain.java", "this is { not java"));
    }

    private static Path write(Path root, String relative, String code) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, code);
    }
}
