package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code @Async} body compiled without the plugin and run without the agent (an IDE's own build) runs eagerly
 * when called: the first jasyncio call that needs a loop must say that it was not instrumented and how to fix it,
 * not only "no running event loop", and must not blame a coroutine for never being awaited. The class is compiled
 * here, with javac alone, so that nothing can instrument it.
 */
class UninstrumentedTest {

    private static final String SOURCE = String.join("\n",
            "package eager;",
            "import dev.jasyncio.Asyncio;",
            "import dev.jasyncio.Coroutine;",
            "import dev.jasyncio.Task;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Eager {",
            "    @Async static Coroutine<String> work() { return Coroutine.of(\"w\"); }",
            "    @Async static Coroutine<String> spawns() {",
            "        Task<String> t = createTask(work());",
            "        return Coroutine.of(await(t));",
            "    }",
            "    @Async static Coroutine<String> asksForTheLoop() {",
            "        getRunningLoop();",
            "        await(sleep(0));",
            "        return Coroutine.of(\"x\");",
            "    }",
            "    @Async static Coroutine<String> ensures() {",
            "        ensureFuture(work());",
            "        return Coroutine.of(\"x\");",
            "    }",
            "    static Coroutine<String> plain() { return work(); }",
            "    public static Object run(String which) {",
            "        switch (which) {",
            "            case \"spawns\": return Asyncio.run(spawns());",
            "            case \"asksForTheLoop\": return Asyncio.run(asksForTheLoop());",
            "            case \"ensures\": return Asyncio.run(ensures());",
            "            default: return createTask(plain());",
            "        }",
            "    }",
            "}");

    private static ClassLoader loader;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("eager/Eager.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        String classpath = location(Asyncio.class) + File.pathSeparator + location(Async.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-proc:none", "-cp", classpath, "-d", dir.toString(), src.toString());
        assertEquals(0, rc, "javac failed");
        loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, UninstrumentedTest.class.getClassLoader());
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Throwable run(String which) throws Exception {
        try {
            loader.loadClass("eager.Eager").getMethod("run", String.class).invoke(null, which);
            throw new AssertionError("no failure");
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    private static void assertNotInstrumented(String method) throws Exception {
        try (LogCapture log = new LogCapture()) {
            Throwable e = run(method);
            assertTrue(e instanceof IllegalStateException, String.valueOf(e));
            String m = e.getMessage();
            assertTrue(m.startsWith("no running event loop: the @Async method eager.Eager." + method
                    + " (Eager.java:"), m);
            assertTrue(m.contains("was not instrumented"), m);
            assertTrue(m.contains("coroutine-maven-plugin") && m.contains("-javaagent"), m);
            assertEquals(List.of(), log.messages(), "the coroutine is a symptom, not worth a warning");
        }
    }

    @Test
    void createTaskBeforeTheFirstAwaitSaysTheMethodWasNotInstrumented() throws Exception {
        assertNotInstrumented("spawns");
    }

    @Test
    void getRunningLoopBeforeTheFirstAwaitSaysTheMethodWasNotInstrumented() throws Exception {
        assertNotInstrumented("asksForTheLoop");
    }

    @Test
    void ensureFutureBeforeTheFirstAwaitSaysTheMethodWasNotInstrumented() throws Exception {
        assertNotInstrumented("ensures");
    }

    @Test
    void aPlainMethodOutsideALoopGetsThePlainErrorAndTheWarning() throws Exception {
        try (LogCapture log = new LogCapture()) {
            Throwable e = run("plain");
            assertEquals("no running event loop", e.getMessage());
            assertEquals(List.of("coroutine 'Coroutine.of' was never awaited"), log.messages());
        }
    }
}
