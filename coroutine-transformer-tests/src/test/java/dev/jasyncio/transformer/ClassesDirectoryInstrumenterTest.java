package dev.jasyncio.transformer;

import dev.jasyncio.transformer.InstrumentResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory walk, writing and bookkeeping, with a fake transformer that decides by a word in the file:
 * "async" is instrumented (one frame class per "async"), "marked" is already instrumented, "broken" fails,
 * anything else mentions nothing async.
 */
class ClassesDirectoryInstrumenterTest {

    @TempDir
    Path classes;

    private final FakeRewriter fake = new FakeRewriter();

    @Test
    void countsEachOutcomeAndWritesOnlyInstrumentedClasses() throws IOException {
        classFile("com/acme/Fetch.class", "async async");
        classFile("com/acme/Plain.class", "nothing here");
        classFile("com/acme/Done.class", "marked");
        classFile("com/acme/Bad.class", "broken");

        ClassesDirectoryReport report = builder().build(fake).run();

        assertEquals(4, report.classesScanned());
        assertEquals(1, report.classesInstrumented());
        assertEquals(2, report.asyncMethods());
        assertEquals(1, report.alreadyInstrumented());
        assertEquals(1, report.failed());
        assertEquals(2, report.generatedClasses());
        assertEquals("Instrumented 2 async method(s) in 1 class(es)", report.summary());
        assertEquals(List.of(new ClassesDirectoryReport.InstrumentedClass("com/acme/Fetch",
                        List.of("m0()Ldev/jasyncio/Coroutine;", "m1()Ldev/jasyncio/Coroutine;"))),
                report.instrumentedClasses());

        assertEquals("INSTRUMENTED com/acme/Fetch async async", read("com/acme/Fetch.class"));
        assertEquals("frame com/acme/Fetch$m0$Frame", read("com/acme/Fetch$m0$Frame.class"));
        assertEquals("frame com/acme/Fetch$m1$Frame", read("com/acme/Fetch$m1$Frame.class"));
        assertEquals("nothing here", read("com/acme/Plain.class"));
        assertEquals("marked", read("com/acme/Done.class"));
        assertEquals("broken", read("com/acme/Bad.class"), "a failed class is left as it was");
        assertEquals(List.of("AWAIT_OUTSIDE_ASYNC"), report.errors().stream().map(Diagnostic::id).toList());
        assertEquals(List.of(), leftoverTempFiles());
    }

    @Test
    void nothingAsyncMeansNoClassIsParsedAndEveryByteIsKept() throws IOException {
        byte[] plain = classFile("a/Plain.class", "plain");
        byte[] other = classFile("b/c/Other.class", "other");

        ClassesDirectoryReport report = builder().build(fake).run();

        assertEquals(2, report.classesScanned());
        assertEquals(0, report.classesInstrumented());
        assertEquals("Instrumented 0 async method(s) in 0 class(es)", report.summary());
        assertEquals(List.of(), fake.instrumented);
        assertArrayEquals(plain, Files.readAllBytes(classes.resolve("a/Plain.class")));
        assertArrayEquals(other, Files.readAllBytes(classes.resolve("b/c/Other.class")));
    }

    @Test
    void visitsSelectedClassFilesInSortedOrderAndNotTheFramesItWrites() throws IOException {
        classFile("z/Last.class", "async");
        classFile("a/First.class", "async");
        classFile("m/Middle$1.class", "async");
        classFile("m/Skipped.class", "async");
        classFile("m/Notes.txt", "async");

        ClassesDirectoryReport report = builder().excludes(List.of("m/Skipped.class")).build(fake).run();

        // Transformed in parallel, in any order; written and reported in sorted order.
        assertEquals(List.of("a/First", "m/Middle$1", "z/Last"), fake.instrumented.stream().sorted().toList());
        assertEquals(List.of("a/First", "m/Middle$1", "z/Last"),
                report.instrumentedClasses().stream().map(ClassesDirectoryReport.InstrumentedClass::className)
                        .toList());
        assertTrue(Files.exists(classes.resolve("a/First$m0$Frame.class")));
        assertEquals("async", read("m/Skipped.class"));
    }

    @Test
    void theSurveyListsWhatARunWouldVisitALinkToAClassFileIncludedAndALinkedFolderNot(@TempDir Path elsewhere)
            throws IOException {
        classFile("b/Real.class", "async");
        classFile("b/Plain.class", "plain");
        Path outside = Files.writeString(elsewhere.resolve("Linked.class"), "b/Linked async");
        Files.createDirectories(elsewhere.resolve("pkg"));
        Files.writeString(elsewhere.resolve("pkg/Hidden.class"), "linkedDir/Hidden async");
        Files.createSymbolicLink(classes.resolve("b/Linked.class"), outside);
        Files.createSymbolicLink(classes.resolve("linkedDir"), elsewhere.resolve("pkg"));

        ClassesDirectoryInstrumenter instrumenter = builder().build(fake);
        assertEquals(3, instrumenter.staleClassFiles(), "nothing is recorded yet: every class file is stale");
        ClassesDirectoryReport report = instrumenter.run();
        assertEquals(3, report.classesScanned(),
                "the run visits what the survey found: the linked file, not the linked folder");
        assertEquals(List.of("b/Linked", "b/Real"), fake.instrumented.stream().sorted().toList());
    }

    @Test
    void includesLimitTheRunToMatchingClasses() throws IOException {
        classFile("com/acme/api/Fetch.class", "async");
        classFile("com/acme/impl/Work.class", "async");

        ClassesDirectoryReport report = builder().includes(List.of("com/acme/api/**")).build(fake).run();

        assertEquals(1, report.classesScanned());
        assertEquals(List.of("com/acme/api/Fetch"), fake.instrumented);
    }

    @Test
    void failFastStopsAtTheFirstFailedClass() throws IOException {
        classFile("a/Bad.class", "broken");
        classFile("b/Fine.class", "async");

        ClassesDirectoryReport report = builder().failFast(true).build(fake).run();
        assertTrue(report.isStoppedEarly());
        assertEquals(1, report.failed());
        assertEquals(0, report.classesInstrumented());
        assertEquals("async", read("b/Fine.class"));

        ClassesDirectoryReport all = builder().build(fake).run();
        assertFalse(all.isStoppedEarly());
        assertEquals(1, all.classesInstrumented(), "without fail-fast the other classes are still done");
    }

    @Test
    void theStateFileLetsTheNextRunSkipUnchangedClassesInstrumentedOrPlain() throws IOException {
        Path state = classes.resolveSibling(classes.getFileName() + ".state");
        classFile("com/Fetch.class", "async");
        classFile("com/Model.class", "plain");
        assertEquals(2, builder().stateFile(state).build().staleClassFiles(), "nothing recorded yet");
        builder().stateFile(state).build(fake).run();
        // Old time stamps are trusted without reading the files (see InstrumentState for the racy case).
        for (String f : List.of("com/Fetch.class", "com/Model.class", "com/Fetch$m0$Frame.class")) {
            Files.setLastModifiedTime(classes.resolve(f), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        }
        builder().stateFile(state).build(fake).run();  // records the new time stamps

        FakeRewriter later = new FakeRewriter();
        assertEquals(0, builder().stateFile(state).build(later).staleClassFiles());
        ClassesDirectoryReport report = builder().stateFile(state).build(later).run();
        assertEquals(List.of(), later.seen, "neither the classes nor the frame were read again");
        assertEquals(2, report.alreadyInstrumented(), "the class and its frame");
        assertEquals(2, report.upToDate());
        assertEquals(3, report.classesScanned());

        classFile("com/Fetch.class", "async, recompiled");
        // One instrumenter counts, then runs on what it counted; a later run of it looks at the folder afresh.
        ClassesDirectoryInstrumenter counted = builder().stateFile(state).build(later);
        assertEquals(1, counted.staleClassFiles());
        ClassesDirectoryReport afterChange = counted.run();
        assertEquals(List.of("com/Fetch"), later.instrumented);
        assertEquals(1, afterChange.classesInstrumented());
        assertEquals(List.of("com/Fetch async, recompiled"), later.seen, "only the changed class was read");
        ClassesDirectoryReport again = counted.run();
        assertEquals(0, again.classesInstrumented());
        assertEquals(2, again.alreadyInstrumented(), "the class and its new frame, from the record");
    }

    @Test
    void withoutAStateFileTheTransformersMarkerStillPreventsASecondInstrumentation() throws IOException {
        classFile("com/Fetch.class", "async");
        builder().build(fake).run();
        byte[] once = Files.readAllBytes(classes.resolve("com/Fetch.class"));

        ClassesDirectoryReport second = builder().build(fake).run();
        assertEquals(0, second.classesInstrumented());
        assertEquals(2, second.alreadyInstrumented(), "the class and its frame carry the marker");
        assertArrayEquals(once, Files.readAllBytes(classes.resolve("com/Fetch.class")));
    }

    @Test
    void aClassFileTooNewForTheReaderIsReportedWithItsVersion() throws IOException {
        Path file = classes.resolve("com/acme/Future.class");
        Files.createDirectories(file.getParent());
        Files.write(file, header(70, "async"));

        ClassesDirectoryReport report = builder().build(fake).run();

        assertEquals(1, report.failed());
        Diagnostic d = report.errors().get(0);
        assertEquals("UNSUPPORTED_CLASS_VERSION", d.id());
        assertEquals(file.toAbsolutePath().toString(), d.file());
        assertTrue(d.message().contains("com.acme.Future has class file major version 70 (Java 26)"), d.message());
        assertTrue(d.message().contains("this plugin reads class files up to Java 25"), d.message());
    }

    @Test
    void aPreCheckThatRefusesTheVersionIsReportedTheSameWay() throws IOException {
        Path file = classes.resolve("com/acme/Future.class");
        Files.createDirectories(file.getParent());
        Files.write(file, header(70, "async"));
        fake.refuseNewVersions = true;

        ClassesDirectoryReport report = builder().build(fake).run();

        assertEquals(List.of("UNSUPPORTED_CLASS_VERSION"), report.errors().stream().map(Diagnostic::id).toList());
    }

    @Test
    void theRealTransformerNamesAClassTooNewForIt(@TempDir Path sources) throws IOException {
        Path source = sources.resolve("com/acme/Later.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.acme;
                import dev.jasyncio.Coroutine;
                import dev.jasyncio.annotations.Async;
                import static dev.jasyncio.Asyncio.*;
                public class Later {
                    @Async
                    static Coroutine<Void> nap() {
                        await(sleep(0));
                        return Coroutine.of(null);
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString()));
        Path file = classes.resolve("com/acme/Later.class");
        byte[] bytes = Files.readAllBytes(file);
        bytes[6] = 0;
        bytes[7] = 70;                              // as javac 26 would write it
        Files.write(file, bytes);

        ClassesDirectoryReport report = ClassesDirectoryInstrumenter.builder(classes).build().run();

        assertEquals(1, report.failed());
        assertTrue(report.errors().get(0).format().contains(
                "class com.acme.Later has class file major version 70 (Java 26); "
                        + "this plugin reads class files up to Java 25"), report.errors().get(0).format());
        assertArrayEquals(bytes, Files.readAllBytes(file), "left as it was");
    }

    @Test
    void aReaderFailureOnASupportedVersionIsAnInternalError() throws IOException {
        Path file = classes.resolve("com/acme/Odd.class");
        Files.createDirectories(file.getParent());
        Files.write(file, header(61, "async"));

        InstrumentationException e =
                assertThrows(InstrumentationException.class, () -> builder().build(fake).run());
        assertTrue(e.getMessage().contains("com.acme.Odd"), e.getMessage());
    }

    @Test
    void bytecodeDiagnosticsNameTheSourceFileByItsAbsolutePath(@TempDir Path sources) throws IOException {
        Path source = sources.resolve("com/acme/Bad.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Bad {}");
        classFile("com/acme/Bad.class", "broken");

        ClassesDirectoryReport report = builder().sourceRoots(List.of(sources)).build(fake).run();

        Diagnostic d = report.errors().get(0);
        assertEquals(source.toAbsolutePath().toString(), d.file());
        assertEquals(source.toAbsolutePath() + ":[7,1] [AWAIT_OUTSIDE_ASYNC] await outside an async body"
                + System.lineSeparator() + "    (see docs/diagnostics/AWAIT_OUTSIDE_ASYNC.md)", d.format());
    }

    @Test
    void aMissingClassesDirectoryIsAnEmptyRun() throws IOException {
        ClassesDirectoryReport report =
                ClassesDirectoryInstrumenter.builder(classes.resolve("absent")).build(fake).run();
        assertEquals(0, report.classesScanned());
    }

    @Test
    void theRealTransformerLeavesClassesWithoutAsyncCodeByteForByte(@TempDir Path sources) throws IOException {
        Path source = sources.resolve("com/acme/Plain.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.acme;
                public class Plain {
                    interface Waiter { void await(); }
                    int twice(int x) { return 2 * x; }
                    Runnable task() { return () -> System.out.println("not async"); }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        Map<Path, byte[]> before = snapshot();
        assertEquals(2, before.size(), "Plain and Plain$Waiter (the lambda is a method of Plain): " + before.keySet());

        ClassesDirectoryReport report = ClassesDirectoryInstrumenter.builder(classes)
                .classpath(List.of(classes))
                .stateFile(sources.resolve("state"))
                .build()
                .run();

        assertEquals(2, report.classesScanned());
        assertEquals(0, report.classesInstrumented());
        assertEquals(List.of(), report.diagnostics());
        Map<Path, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path.toString()));
    }

    // ---------------------------------------------------------------- helpers

    private ClassesDirectoryInstrumenter.Builder builder() {
        return ClassesDirectoryInstrumenter.builder(classes);
    }

    /** Writes "internal/Name content": the fake reads the class name from the start, as ASM reads it from the pool. */
    private byte[] classFile(String relative, String content) throws IOException {
        Path file = classes.resolve(relative);
        Files.createDirectories(file.getParent());
        String name = relative.replaceFirst("\\.class$", "");
        byte[] bytes = (name + " " + content).getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes;
    }

    /** The content after the class name. */
    private String read(String relative) throws IOException {
        String text = Files.readString(classes.resolve(relative));
        boolean written = text.startsWith("INSTRUMENTED ") || text.startsWith("frame ");
        return written ? text : text.substring(text.indexOf(' ') + 1);
    }

    private Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(classes.relativize(p), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private List<Path> leftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".tmp")).toList();
        }
    }

    /** A class file header of version {@code major} followed by {@code text}. */
    private static byte[] header(int major, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[8 + t.length];
        b[0] = (byte) 0xCA;
        b[1] = (byte) 0xFE;
        b[2] = (byte) 0xBA;
        b[3] = (byte) 0xBE;
        b[6] = (byte) (major >> 8);
        b[7] = (byte) major;
        System.arraycopy(t, 0, b, 8, t.length);
        return b;
    }

    /** Stands in for the ASM pass; records which classes it was asked about and which it instrumented. */
    private static final class FakeRewriter implements ClassesDirectoryInstrumenter.ClassRewriter {
        // Classes are transformed in parallel: the lists are shared between threads.
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final List<String> instrumented = Collections.synchronizedList(new ArrayList<>());

        boolean refuseNewVersions;

        @Override
        public boolean mayNeedInstrumenting(byte[] classFile) {
            if (refuseNewVersions && (classFile[0] & 0xFF) == 0xCA && classFile[7] > 69) {
                throw new IllegalArgumentException("Unsupported class file major version " + classFile[7]);
            }
            String text = text(classFile);
            seen.add(text);
            return text.matches("(?s).*(async|marked|broken|INSTRUMENTED|frame).*");
        }

        @Override
        public InstrumentResult instrument(byte[] classFile) {
            if ((classFile[0] & 0xFF) == 0xCA) {
                // What ASM's ClassReader does with a version it does not know.
                throw new IllegalArgumentException("Unsupported class file major version " + classFile[7]);
            }
            String[] words = text(classFile).split(" ");
            if (words[0].equals("INSTRUMENTED") || words[0].equals("frame")) {
                return result(Status.ALREADY_INSTRUMENTED, words[1], classFile, Map.of(), List.of(), List.of());
            }
            String name = words[0];
            String text = text(classFile).substring(name.length() + 1);
            if (text.equals("marked")) {
                return result(Status.ALREADY_INSTRUMENTED, name, classFile, Map.of(), List.of(), List.of());
            }
            if (text.equals("broken")) {
                Diagnostic d = Diagnostic.error("AWAIT_OUTSIDE_ASYNC", "Bad.java", 7, 0,
                        "await outside an async body", null);
                return result(Status.FAILED, name, classFile, Map.of(), List.of(), List.of(d));
            }
            instrumented.add(name);
            Map<String, byte[]> frames = new LinkedHashMap<>();
            List<String> methods = new ArrayList<>();
            for (int i = 0; i < text.split("async", -1).length - 1; i++) {
                frames.put(name + "$m" + i + "$Frame", bytes("frame " + name + "$m" + i + "$Frame"));
                methods.add("m" + i + "()Ldev/jasyncio/Coroutine;");
            }
            return result(Status.INSTRUMENTED, name, bytes("INSTRUMENTED " + name + " " + text), frames, methods,
                    List.of());
        }

        private static InstrumentResult result(Status status, String name, byte[] bytes, Map<String, byte[]> frames,
                                               List<String> methods, List<Diagnostic> diagnostics) {
            return new InstrumentResult(status, name, bytes, frames, methods, diagnostics);
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static String text(byte[] b) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }
}
