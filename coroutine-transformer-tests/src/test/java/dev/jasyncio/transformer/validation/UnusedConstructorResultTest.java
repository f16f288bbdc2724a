package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code new Foo(await(x))} whose result is not used, as a statement or into an unused local. javac allocates with
 * {@code NEW; DUP} and pops the result; ECJ (the Eclipse compiler, the IDE's) emits {@code NEW} without {@code DUP},
 * since nothing reads the object: both shapes must be transformed (found by the compiler matrix).
 */
class UnusedConstructorResultTest {

    private static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Unused {",
            "  static final class Noisy {",
            "    Noisy(StringBuilder log, String s, long n) { log.append(\"made \").append(s).append(n).append(';'); }",
            "  }",
            "  @Async public static Coroutine<String> statement(StringBuilder log, String w) {",
            "    new Noisy(log, await(sleep(0, w)), 7L);",
            "    return Coroutine.of(log.toString());",
            "  }",
            "  @Async public static Coroutine<String> unusedLocal(StringBuilder log, String w) {",
            "    Noisy n = new Noisy(log, w, await(sleep(0, 8L)));",
            "    return Coroutine.of(log.toString());",
            "  }",
            "}");

    private static void assertBothRun(ValidationSupport.Loaded l) throws Throwable {
        assertEquals("made x7;", l.run("t.Unused", "statement", new StringBuilder(), "x"));
        assertEquals("made y8;", l.run("t.Unused", "unusedLocal", new StringBuilder(), "y"));
    }

    @Test
    void compiledByJavac() throws Throwable {
        assertBothRun(ValidationSupport.load("t.Unused", SOURCE));
    }

    @Test
    void compiledByEcjWithoutDup() throws Throwable {
        Map<String, byte[]> classes = ValidationSupport.compileWithEcj(Map.of("t.Unused", SOURCE),
                List.of("-g", "--release", "17"));
        assertBothRun(ValidationSupport.instrumentAndLoad(classes));
    }
}
