package dev.jasyncio.transformer.agent;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent jar for real: an app compiled by javac alone (no plugin) runs in a child JVM with
 * {@code -javaagent:coroutine-transformer-VERSION-agent.jar}. Runs as an integration test, after the jar is copied
 * from the transformer's build.
 */
class AgentIT {

    private static final String HEADER = String.join("\n",
            "package demo;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import java.util.*;",
            "import static dev.jasyncio.Asyncio.*;",
            "");

    private static final String APP = HEADER + String.join("\n",
            "public class App {",
            "  @Async static Coroutine<String> fetch(String source, double delay) {",
            "    System.out.println(\"start \" + source);",
            "    await(sleep(delay));",
            "    System.out.println(\"end \" + source);",
            "    return Coroutine.of(\"data from \" + source);",
            "  }",
            "  @Async static Coroutine<Integer> fail() {",
            "    await(sleep(0));",
            "    throw new IllegalArgumentException(\"boom\");",
            "  }",
            "  @Async static Coroutine<Void> main() {",
            "    Task<String> api = createTask(fetch(\"api\", 0.3));",
            "    List<String> fast = await(gather(fetch(\"db\", 0.02), fetch(\"cache\", 0.01)));",
            "    System.out.println(fast);",
            "    try {",
            "      await(fail());",
            "    } catch (IllegalArgumentException e) {",
            "      System.out.println(\"caught \" + e.getMessage());",
            "    }",
            "    System.out.println(await(api));",
            "    System.out.println(\"counted to \" + await(new Counter().countTo(3)));",
            "    return Coroutine.of(null);",
            "  }",
            "  public static void main(String[] args) {",
            "    Asyncio.run(main());",
            "    System.out.println(\"done\");",
            "  }",
            "}");

    private static final String COUNTER = HEADER + String.join("\n",
            "public class Counter {",
            "  private int n;",
            "  @Async public Coroutine<Integer> countTo(int limit) {",
            "    while (n < limit) {",
            "      await(sleep(0));",
            "      n++;",
            "    }",
            "    return Coroutine.of(n);",
            "  }",
            "}");

    private static final String MISUSE_LINE = "    return await(sleep(0.01, \"x\"));";
    private static final String MISUSE = HEADER + String.join("\n",
            "public class Misuse {",
            "  static String load() {",
            MISUSE_LINE,
            "  }",
            "  @Async static Coroutine<String> main() { return Coroutine.of(load()); }",
            "  public static void main(String[] args) { System.out.println(Asyncio.run(main())); }",
            "}");

    @TempDir
    static Path work;
    private static Path agentJar;
    private static String classpath;

    /** A finished child JVM. */
    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void compileWithJavacAlone() throws IOException, URISyntaxException {
        agentJar = Path.of(System.getProperty("jasyncio.agent.jar", "missing: run through failsafe"));
        assertTrue(Files.isRegularFile(agentJar), "no agent jar at " + agentJar);
        Path src = work.resolve("src/demo");
        Files.createDirectories(src);
        Files.writeString(src.resolve("App.java"), APP);
        Files.writeString(src.resolve("Counter.java"), COUNTER);
        Files.writeString(src.resolve("Misuse.java"), MISUSE);
        Path classes = work.resolve("classes");
        classpath = String.join(File.pathSeparator, classes.toString(), location(Coroutine.class),
                location(Async.class));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "--release", "17"));
        try (var files = Files.list(src)) {
            files.forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream javacErr = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, javacErr, args.toArray(new String[0]));
        assertEquals(0, rc, javacErr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsAnAppCompiledWithoutThePlugin() throws Exception {
        Run run = java("-javaagent:" + agentJar + "=verbose", "demo.App");

        assertEquals(String.join("\n",
                "start api",
                "start db",
                "start cache",
                "end cache",
                "end db",
                "[data from db, data from cache]",
                "caught boom",
                "end api",
                "data from api",
                "counted to 3",
                "done"), run.out.strip(), run.err);
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.err.contains("[jasyncio agent] instrumented demo.App: fetch(Ljava/lang/String;D)"), run.err);
        assertTrue(run.err.contains("[jasyncio agent] instrumented demo.Counter: countTo(I)"), run.err);
        assertFalse(run.err.contains("ERROR"), run.err);
    }

    @Test
    void withoutTheAgentTheSameAppFailsAndNamesBothFixes() throws Exception {
        Run run = java(null, "demo.App");

        assertNotEquals(0, run.exitCode);
        assertTrue(run.err.contains("which was not instrumented"), run.err);
        assertTrue(run.err.contains("coroutine-maven-plugin") && run.err.contains("-javaagent"), run.err);
    }

    @Test
    void reportsMisuseInJavacFormAndLeavesTheClassAsCompiled() throws Exception {
        Run run = java("-javaagent:" + agentJar, "demo.Misuse");

        int line = List.of(MISUSE.split("\n")).indexOf(MISUSE_LINE) + 1;
        assertNotEquals(0, run.exitCode);
        assertTrue(run.err.contains("[jasyncio agent] ERROR demo/Misuse.java:[" + line + ",1] [AWAIT_OUTSIDE_ASYNC] "
                + "await outside an async body: method load is not @Async"), run.err);
        assertTrue(run.err.contains("[jasyncio agent] demo.Misuse is left as compiled"), run.err);
        assertTrue(run.err.contains("IllegalStateException: await() was called in demo.Misuse.load (Misuse.java:"
                + line + "), which was not instrumented"), run.err);
        assertEquals("", run.out);
    }

    @Test
    void theJarIsAnAgentWithItsLibrariesRelocated() throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals(JasyncioAgent.class.getName(), main.getValue("Premain-Class"));
            assertEquals(JasyncioAgent.class.getName(), main.getValue("Agent-Class"));
            assertEquals("false", main.getValue("Can-Retransform-Classes"));
            assertNotNull(jar.getEntry("dev/jasyncio/shaded/org/objectweb/asm/ClassReader.class"));
            assertNotNull(jar.getEntry("dev/jasyncio/shaded/com/github/javaparser/StaticJavaParser.class"));
            List<String> leaked = Collections.list(jar.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("dev/jasyncio/")).toList();
            assertEquals(List.of(), leaked);
        }
    }

    private static Run java(String agentOption, String mainClass) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agentOption != null) {
            command.add(agentOption);
        }
        command.addAll(List.of("-cp", classpath, mainClass));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out).replace("\r\n", "\n"), Files.readString(err));
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
