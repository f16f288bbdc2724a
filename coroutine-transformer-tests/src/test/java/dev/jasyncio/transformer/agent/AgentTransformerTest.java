package dev.jasyncio.transformer.agent;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.validation.ValidationSupport;
import org.junit.jupiter.api.Test;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's transformation, in-process: classes compiled by javac alone are instrumented as a loader defines
 * them, their frame classes defined first in the same loader, types resolved from the loader's resources, misuse
 * reported in javac's form with the class left as compiled.
 */
class AgentTransformerTest {

    private static final String HEADER = String.join("\n",
            "package demo;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import java.util.*;",
            "import static dev.jasyncio.Asyncio.*;",
            "");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void instrumentsAsyncClassesAsTheyLoadAndDefinesTheirFramesFirst() throws Throwable {
        TransformingLoader loader = loader(Map.of(
                "demo.Greeter", HEADER + String.join("\n",
                        "public class Greeter {",
                        "  private final String greeting;",
                        "  public Greeter(String greeting) { this.greeting = greeting; }",
                        "  @Async public Coroutine<String> greet(String name, double delay) {",
                        "    await(sleep(delay));",
                        "    return Coroutine.of(greeting + \" \" + name);",
                        "  }",
                        "}"),
                "demo.App", HEADER + String.join("\n",
                        "public class App {",
                        "  @Async public static Coroutine<String> main() {",
                        "    Greeter g = new Greeter(\"hi\");",
                        "    Task<String> late = createTask(g.greet(\"late\", 0.02));",
                        "    List<String> both = await(gather(g.greet(\"a\", 0.01), g.greet(\"b\", 0)));",
                        "    return Coroutine.of(both + \" \" + await(late));",
                        "  }",
                        "}")));

        assertEquals("[hi a, hi b] hi late", run(loader, "demo.App"));

        assertEquals("", err.toString(StandardCharsets.UTF_8));
        for (String owner : List.of("demo/App", "demo/Greeter")) {
            String frame = owner + "$Async$" + (owner.endsWith("App") ? "main" : "greet");
            Class<?> frameClass = Class.forName(frame.replace('/', '.'), false, loader);
            assertSame(loader, frameClass.getClassLoader(), frame);
            assertTrue(loader.defined.indexOf(frame) < loader.defined.indexOf(owner),
                    frame + " must be defined before " + owner + ": " + loader.defined);
        }
        for (Map.Entry<String, byte[]> c : loader.definedBytes.entrySet()) {
            assertEquals("", ValidationSupport.asmVerify(c.getValue(), loader), c.getKey());
        }
    }

    /**
     * The frame computation merges A and B into their common superclass Base, which only the loader's resources
     * know: with types unknown, it would merge them into Object and the call on Base would not verify.
     */
    @Test
    void resolvesTypesFromTheDefiningLoader() throws Throwable {
        TransformingLoader loader = loader(Map.of("demo.Shapes", HEADER + String.join("\n",
                "public class Shapes {",
                "  static class Base { String name() { return \"base\"; } }",
                "  static class A extends Base { String name() { return \"a\"; } }",
                "  static class B extends Base { String name() { return \"b\"; } }",
                "  @Async public static Coroutine<String> main() {",
                "    StringBuilder out = new StringBuilder();",
                "    for (int i = 0; i < 2; i++) {",
                "      Base s = i == 0 ? new A() : new B();",
                "      await(sleep(0));",
                "      out.append(s.name());",
                "    }",
                "    return Coroutine.of(out.toString());",
                "  }",
                "}")));

        assertEquals("ab", run(loader, "demo.Shapes"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsMisuseInJavacFormAndLeavesTheClassAsCompiled() throws Throwable {
        String source = HEADER + String.join("\n",
                "public class Misuse {",
                "  static String notAsync() {",
                "    return await(sleep(0, \"x\"));",
                "  }",
                "  @Async public static Coroutine<String> main() { return Coroutine.of(notAsync()); }",
                "}");
        int line = Arrays.asList(source.split("\n")).indexOf("    return await(sleep(0, \"x\"));") + 1;
        Map<String, byte[]> compiled = compile(Map.of("demo.Misuse", source));
        TransformingLoader loader = new TransformingLoader(compiled, this::transformer);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(loader, "demo.Misuse"));

        String out = err.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("[jasyncio agent] ERROR demo/Misuse.java:[" + line + ",1] [AWAIT_OUTSIDE_ASYNC] "
                + "await outside an async body: method notAsync is not @Async"), out);
        assertTrue(out.contains("[jasyncio agent] demo.Misuse is left as compiled"), out);
        assertArrayEquals(compiled.get("demo/Misuse"), loader.definedBytes.get("demo/Misuse"));
        assertTrue(e.getMessage().contains("not instrumented") && e.getMessage().contains("-javaagent"),
                e.getMessage());
    }

    @Test
    void leavesClassesThePluginInstrumentedAlone() throws Throwable {
        Map<String, byte[]> compiled = compile(Map.of("demo.Done", HEADER + String.join("\n",
                "public class Done {",
                "  @Async public static Coroutine<Integer> main() { await(sleep(0)); return Coroutine.of(7); }",
                "}")));
        List<InstrumentResult> results = new ArrayList<>();
        Map<String, byte[]> instrumented = ValidationSupport.instrument(compiled, results, false);
        TransformingLoader loader = new TransformingLoader(instrumented, this::transformer);

        assertEquals(7, run(loader, "demo.Done"));
        assertArrayEquals(instrumented.get("demo/Done"), loader.definedBytes.get("demo/Done"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void skipsTheJdkJasyncioItselfAndClassesWithoutAsync() {
        for (String jdkOrOwn : List.of("java/lang/String", "jdk/internal/misc/Unsafe", "sun/misc/Signal",
                "dev/jasyncio/Task", "dev/jasyncio/internal/AsyncFrame", "dev/jasyncio/sync/Lock",
                "dev/jasyncio/transformer/Instrumenter", "dev/jasyncio/shaded/org/objectweb/asm/ClassReader")) {
            assertFalse(AgentTransformer.isCandidate(jdkOrOwn), jdkOrOwn);
        }
        for (String user : List.of("App", "com/acme/App", "dev/jasyncio/samples/Hello")) {
            assertTrue(AgentTransformer.isCandidate(user), user);
        }
        Map<String, byte[]> plain = compile(Map.of("demo.Plain", "package demo; public class Plain { int x; }"));
        AgentTransformer t = transformer((l, n, b, d) -> { throw new AssertionError("nothing to define"); });
        assertNull(t.transform(getClass().getClassLoader(), "demo/Plain", null, null, plain.get("demo/Plain")));
    }

    /**
     * Why the frames are defined while their owner loads, not later from its static initializer: linking the owner
     * verifies its factories, which return a frame as a Coroutine, and that loads the frame class.
     */
    @Test
    void anOwnerWithoutItsFramesCannotLink() {
        Map<String, byte[]> compiled = compile(Map.of("demo.Lonely", HEADER + String.join("\n",
                "public class Lonely {",
                "  @Async public static Coroutine<Integer> main() { await(sleep(0)); return Coroutine.of(1); }",
                "}")));
        Map<String, byte[]> instrumented = ValidationSupport.instrument(compiled, new ArrayList<>(), false);
        Class<?> owner = loadWithout(instrumented, "demo/Lonely$Async$main", "demo.Lonely");

        NoClassDefFoundError e = assertThrows(NoClassDefFoundError.class,
                () -> MethodHandles.lookup().ensureInitialized(owner));
        assertTrue(e.getMessage().contains("Lonely$Async$main"), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------

    private AgentTransformer transformer(FrameDefiner definer) {
        return new AgentTransformer(definer, new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private TransformingLoader loader(Map<String, String> sources) {
        return new TransformingLoader(compile(sources), this::transformer);
    }

    private static Map<String, byte[]> compile(Map<String, String> sources) {
        ValidationSupport.Compilation c = ValidationSupport.compile(ToolProvider.getSystemJavaCompiler(), sources,
                List.of("-g", "--release", "17", "-classpath", System.getProperty("java.class.path")));
        assertTrue(c.ok(), c.errors);
        return c.classes;
    }

    private static Object run(ClassLoader loader, String className) throws Throwable {
        try {
            Object coro = Class.forName(className, true, loader).getMethod("main").invoke(null);
            return Asyncio.run((Coroutine<?>) coro);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Class<?> loadWithout(Map<String, byte[]> classes, String missing, String name) {
        Map<String, byte[]> some = new HashMap<>(classes);
        some.remove(missing);
        try {
            return Class.forName(name, false, ValidationSupport.loader(some));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
