package dev.jasyncio.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds as a developer makes them, with the real transformer and a staleness record: javac recompiles what changed
 * into the same folder, then the transformer runs. Frame classes of async methods that are gone go with them, and
 * code compiled against instrumented classes compiles cleanly under {@code -Xlint:classfile -Werror}.
 */
class IncrementalBuildTest {

    @TempDir
    Path sources;
    @TempDir
    Path classes;

    private static String greeter(String method) {
        return """
                package com.acme;
                import dev.jasyncio.Coroutine;
                import dev.jasyncio.annotations.Async;
                import static dev.jasyncio.Asyncio.*;
                public class Greeter {
                    @Async
                    public static Coroutine<String> %s(String who) {
                        await(sleep(0));
                        return Coroutine.of("hello " + who);
                    }
                }
                """.formatted(method);
    }

    @Test
    void framesOfRenamedOrDeletedAsyncMethodsAreRemoved() throws IOException {
        compile("com/acme/Greeter.java", greeter("hello"));
        compile("com/acme/Other.java", """
                package com.acme;
                import dev.jasyncio.Coroutine;
                import dev.jasyncio.annotations.Async;
                import static dev.jasyncio.Asyncio.*;
                public class Other {
                    @Async
                    static Coroutine<Void> nap() {
                        await(sleep(0));
                        return Coroutine.of(null);
                    }
                }
                """);
        instrument();
        assertEquals(List.of("com/acme/Greeter$Async$hello.class", "com/acme/Greeter.class",
                "com/acme/Other$Async$nap.class", "com/acme/Other.class"), classFiles());

        // The method is renamed: javac writes Greeter.class again and leaves the old frame class where it was.
        compile("com/acme/Greeter.java", greeter("greet"));
        instrument();
        assertEquals(List.of("com/acme/Greeter$Async$greet.class", "com/acme/Greeter.class",
                "com/acme/Other$Async$nap.class", "com/acme/Other.class"), classFiles());

        // Renamed back: the frame class gets its natural name again; the one it replaces was generated, not written
        // by the user, so the name is not taken.
        compile("com/acme/Greeter.java", greeter("hello"));
        instrument();
        assertEquals(List.of("com/acme/Greeter$Async$hello.class", "com/acme/Greeter.class",
                "com/acme/Other$Async$nap.class", "com/acme/Other.class"), classFiles());

        // The source of Other is deleted, and a build tool removes the class files javac made from it.
        Files.delete(classes.resolve("com/acme/Other.class"));
        instrument();
        assertEquals(List.of("com/acme/Greeter$Async$hello.class", "com/acme/Greeter.class"), classFiles());
    }

    @Test
    void aClassTheUserPutInPlaceOfAFrameClassIsNotDeleted() throws IOException {
        compile("com/acme/Greeter.java", greeter("hello"));
        instrument();
        compile("com/acme/Greeter$Async$hello.java", "package com.acme; public class Greeter$Async$hello {}");
        Path user = classes.resolve("com/acme/Greeter$Async$hello.class");
        byte[] written = Files.readAllBytes(user);
        compile("com/acme/Greeter.java", greeter("greet"));
        instrument();
        assertTrue(java.util.Arrays.equals(written, Files.readAllBytes(user)), "the user's class is kept as it is");
        // And it is not overwritten when an async method of that name comes back.
        compile("com/acme/Greeter.java", greeter("hello"));
        instrument();
        assertTrue(java.util.Arrays.equals(written, Files.readAllBytes(user)), "the user's class is kept as it is");
        assertTrue(Files.exists(classes.resolve("com/acme/Greeter$Async$hello$2.class")), "" + classFiles());
    }

    @Test
    void codeCompiledAgainstInstrumentedClassesHasNoClassFileWarnings() throws IOException {
        compile("com/acme/Greeter.java", greeter("hello"));
        instrument();
        Path user = sources.resolve("com/acme/app/App.java");
        Files.createDirectories(user.getParent());
        Files.writeString(user, """
                package com.acme.app;
                import com.acme.Greeter;
                import dev.jasyncio.Asyncio;
                public class App {
                    public static void main(String[] args) {
                        System.out.println(Asyncio.run(Greeter.hello("you")));
                    }
                }
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, new PrintStream(err, true,
                StandardCharsets.UTF_8), "-Xlint:classfile", "-Werror", "-proc:none", "-d",
                sources.resolve("out").toString(), "-cp", classes + java.io.File.pathSeparator
                        + System.getProperty("java.class.path"), user.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("warning"), err.toString(StandardCharsets.UTF_8));
    }

    private void compile(String path, String code) throws IOException {
        Path source = sources.resolve(path);
        Files.createDirectories(source.getParent());
        Files.writeString(source, code);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path"), source.toString()));
        // A later build writes later: the record must see the class as changed, whatever the clock's granularity.
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                if (!isFrame(f)) {
                    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(builds * 10L)));
                }
            }
        }
    }

    private int builds;

    /** A class file the transformer wrote, which javac would not touch. */
    private static boolean isFrame(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("dev/jasyncio/internal/AsyncFrame")
                && f.getFileName().toString().contains("$Async$");
    }

    private void instrument() throws IOException {
        builds++;
        ClassesDirectoryReport report = ClassesDirectoryInstrumenter.builder(classes)
                .classpath(List.of(Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])))
                .stateFile(sources.resolve("state"))
                .build()
                .run();
        assertEquals(List.of(), report.errors());
    }

    private List<String> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted().toList();
        }
    }
}
