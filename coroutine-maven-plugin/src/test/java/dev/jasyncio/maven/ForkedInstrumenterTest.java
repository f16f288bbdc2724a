package dev.jasyncio.maven;

import dev.jasyncio.transformer.ClassesDirectoryInstrumenter;
import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forked run: what goes to the child and comes back survives the trip, and a real child JVM reports what the
 * same run in this JVM reports.
 */
class ForkedInstrumenterTest {

    /** Far more than any run here takes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void fieldsOfAnyTextSurviveALine() {
        List<String> fields = Arrays.asList("plain", "tab\there", "two\nlines\r\n", "back\\slash\\t", "", null, "\\0");
        assertEquals(fields, FieldCodec.fields(FieldCodec.line(fields)));
        assertEquals(1, FieldCodec.line(fields).lines().count(), "one line whatever the fields hold");
    }

    @Test
    void aRequestAndAnOutcomeSurviveTheirFiles() throws IOException {
        InstrumentRequest request = new InstrumentRequest(dir.resolve("classes"),
                List.of(dir.resolve("a.jar"), dir.resolve("dep dir")), List.of("**/*.class"), List.of("gen/**"),
                List.of(dir.resolve("src")), true, dir.resolve("state"), false, null);
        request.write(dir.resolve("request"));
        assertEquals(request, InstrumentRequest.read(dir.resolve("request")));
        InstrumentRequest listed = request.withClassFiles(List.of("com/A.class", "com/A$1.class"));
        listed.write(dir.resolve("request"));
        assertEquals(listed, InstrumentRequest.read(dir.resolve("request")));
        InstrumentRequest listedNone = request.withClassFiles(List.of());
        listedNone.write(dir.resolve("request"));
        assertEquals(listedNone, InstrumentRequest.read(dir.resolve("request")), "an empty list is not no list");

        InstrumentOutcome outcome = new InstrumentOutcome("Instrumented 3 async method(s) in 1 class(es)", 1, 2, 1,
                List.of(new ClassesDirectoryReport.InstrumentedClass("com/Fetch", List.of("get()Ldev/jasyncio/Coroutine;"))),
                List.of(Diagnostic.error("AWAIT_OUTSIDE_ASYNC", "/src/com/Bad.java", 7, 9, "await outside\tan async body",
                        "did you mean\n@Async?"), new Diagnostic(Diagnostic.Severity.WARNING, "W", null, 0, 0, "w", null)));
        outcome.write(dir.resolve("outcome"));
        assertEquals(outcome, InstrumentOutcome.read(dir.resolve("outcome")));
    }

    @Test
    void aForkedRunReportsWhatARunInThisJvmReports() throws IOException {
        Path classes = dir.resolve("classes");
        writeClass(classes, "com/acme/Bad", classCallingAwaitOutsideAnAsyncMethod("com/acme/Bad"));
        InstrumentRequest request = new InstrumentRequest(classes, List.of(classes), List.of(), List.of(),
                List.of(), false, dir.resolve("state"), true, null);

        List<String> warnings = new ArrayList<>();
        InstrumentOutcome forked = new ForkedInstrumenter(ForkedInstrumenter.currentJava(), testClasspath(),
                warnings::add, TIMEOUT).run(request, dir.resolve("work"), "classes");
        InstrumentOutcome here = request.run();

        assertEquals(here, forked);
        assertEquals(List.of(), warnings);
        assertTrue(Files.exists(dir.resolve("work/classes.outcome")), "the outcome came from a child");
        assertEquals(1, forked.failed());
        assertEquals(List.of("AWAIT_OUTSIDE_ASYNC"), forked.diagnostics().stream().map(Diagnostic::id).toList());
        assertEquals(12, forked.diagnostics().get(0).line());
    }

    @Test
    void aForkedRunVisitsTheClassFilesTheSurveyListedWithoutListingTheFolderAgain() throws IOException {
        Path classes = dir.resolve("classes");
        writeClass(classes, "com/acme/Bad", classCallingAwaitOutsideAnAsyncMethod("com/acme/Bad"));
        writeClass(classes, "com/acme/Late", classCallingAwaitOutsideAnAsyncMethod("com/acme/Late"));
        InstrumentRequest request = new InstrumentRequest(classes, List.of(classes), List.of(), List.of(),
                List.of(), false, null, false, null);
        ClassesDirectoryInstrumenter survey = request.instrumenter();
        assertEquals(2, survey.staleClassFiles());
        assertEquals(List.of("com/acme/Bad.class", "com/acme/Late.class"), survey.surveyedClassFiles());

        // Told of Bad only, the child never sees Late: it did not walk the folder.
        InstrumentOutcome forked = new ForkedInstrumenter(ForkedInstrumenter.currentJava(), testClasspath(),
                w -> { }, TIMEOUT).run(request.withClassFiles(List.of("com/acme/Bad.class")), dir.resolve("work"),
                "classes");
        assertEquals(1, forked.failed());
        assertEquals(1, forked.diagnostics().size());
        assertTrue(forked.diagnostics().get(0).file().endsWith("Bad.java"), forked.diagnostics().toString());
    }

    @Test
    void aChildThatFailsSaysWhyAndHowToAvoidTheFork() {
        InstrumentRequest request = new InstrumentRequest(dir.resolve("classes"), List.of(), List.of(), List.of(),
                List.of(), false, null, false, null);
        IOException e = assertThrows(IOException.class, () -> new ForkedInstrumenter(
                ForkedInstrumenter.currentJava(), List.of(dir.resolve("no-such.jar")), w -> { }, TIMEOUT)
                .run(request, dir, "x"));
        assertTrue(e.getMessage().contains("ForkedInstrumentMain"), e.getMessage());
        assertTrue(e.getMessage().contains("-Djasyncio.fork=false"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.outcome")));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aChildThatHangsIsStoppedAtTheTimeoutAndTheBuildSaysWhatToDo() throws IOException {
        Path hanging = Files.writeString(dir.resolve("java"), "#!/bin/sh\nexec sleep 60\n");
        assertTrue(hanging.toFile().setExecutable(true));
        InstrumentRequest request = new InstrumentRequest(dir.resolve("classes"), List.of(), List.of(), List.of(),
                List.of(), false, null, false, null);
        long started = System.nanoTime();

        IOException e = assertThrows(IOException.class, () -> new ForkedInstrumenter(hanging, testClasspath(),
                w -> { }, Duration.ofSeconds(1)).run(request, dir.resolve("work"), "x"));

        assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
        assertTrue(e.getMessage().contains("-Djasyncio.forkTimeout="), e.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(30).toNanos(), "stopped, not waited for");
        assertFalse(Files.exists(dir.resolve("work/x.outcome")));
    }

    @Test
    void withoutAJvmToStartTheRunStaysHereAndSaysSo() throws IOException {
        Path classes = dir.resolve("classes");
        writeClass(classes, "com/acme/Bad", classCallingAwaitOutsideAnAsyncMethod("com/acme/Bad"));
        InstrumentRequest request = new InstrumentRequest(classes, List.of(classes), List.of(), List.of(),
                List.of(), false, null, false, null);
        List<String> warnings = new ArrayList<>();

        InstrumentOutcome outcome = new ForkedInstrumenter(dir.resolve("no-such-jdk/bin/java"), testClasspath(),
                warnings::add, TIMEOUT).run(request, dir.resolve("work"), "classes");

        assertEquals(request.run(), outcome);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("running it in the build's JVM"), warnings.get(0));
        assertFalse(Files.exists(dir.resolve("work/classes.outcome")));
    }

    private static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    private static void writeClass(Path classes, String name, byte[] bytes) throws IOException {
        Path file = classes.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** {@code static void plain(Awaitable a) { await(a); }} on line 12 of Bad.java: a misuse the bytecode sees. */
    private static byte[] classCallingAwaitOutsideAnAsyncMethod(String name) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        cw.visitSource("Bad.java", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "plain", "(Ldev/jasyncio/Awaitable;)V", null, null);
        m.visitCode();
        Label line = new Label();
        m.visitLabel(line);
        m.visitLineNumber(12, line);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/jasyncio/Asyncio", "await",
                "(Ldev/jasyncio/Awaitable;)Ljava/lang/Object;", false);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(1, 1);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
