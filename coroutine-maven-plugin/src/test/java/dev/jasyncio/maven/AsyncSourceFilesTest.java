package dev.jasyncio.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncSourceFilesTest {

    @Test
    void recognisesTheAnnotationAndAwaitCallsWithOrWithoutSpace() {
        assertTrue(matches("@Async static Coroutine<String> f() {}"));
        assertTrue(matches("x = await(sleep(1));"));
        assertTrue(matches("x = Asyncio.await (f());"));
        assertTrue(matches("x = await\n    (f());"));
    }

    @Test
    void ignoresFilesThatOnlyMentionTheWords() {
        assertFalse(matches("class Plain { int awaitCount; String s = \"awaiting\"; }"));
        assertFalse(matches("class AsyncClient {}"));
        assertFalse(matches("// we await nothing here"));
    }

    @Test
    void findsOnlyMatchingJavaFilesUnderEveryRootSortedAndAbsolute(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("main");
        Path generated = dir.resolve("generated");
        write(main.resolve("com/acme/B.java"), "class B { void f() { await(x()); } }");
        write(main.resolve("com/acme/A.java"), "class A { @Async Coroutine<Void> f() { return null; } }");
        write(main.resolve("com/acme/Plain.java"), "class Plain {}");
        write(main.resolve("com/acme/notes.txt"), "await(");
        write(generated.resolve("G.java"), "class G { void g() { await(y()); } }");

        List<Path> found = AsyncSourceFiles.find(List.of(main, generated, dir.resolve("missing")));

        assertEquals(List.of(main.resolve("com/acme/A.java").toAbsolutePath(),
                main.resolve("com/acme/B.java").toAbsolutePath(),
                generated.resolve("G.java").toAbsolutePath()), found);
    }

    private static boolean matches(String code) {
        return AsyncSourceFiles.mayContainAsyncCode(code.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
