package dev.jasyncio.transformer.validation;

import dev.jasyncio.transformer.InstrumentResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated frame class never takes the name of a class that exists: the user may well have written
 * {@code Clash.Async.work}, whose binary name is the one a frame of {@code Clash.work()} would naturally get. And the
 * async stack traces, which recognise frames by their names, still name the right class and method.
 */
class FrameNamesTest {

    private static final String CLASH = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Clash {",
            "  static final class Async {",
            "    static final class work {",
            "      String hello() { return \"hello\"; }",
            "      @dev.jasyncio.annotations.Async Coroutine<String> go() {",
            "        return Coroutine.of(await(fail()) + \"!\");",           // line 10
            "      }",
            "      @dev.jasyncio.annotations.Async static Coroutine<String> fail() {",
            "        await(sleep(0));",
            "        throw new IllegalStateException(\"deep\");",            // line 14
            "      }",
            "    }",
            "  }",
            "  @dev.jasyncio.annotations.Async public static Coroutine<String> work() {",
            "    await(sleep(0));",
            "    return Coroutine.of(new Async.work().hello());",
            "  }",
            "  @dev.jasyncio.annotations.Async public static Coroutine<String> viaNested() {",
            "    return Coroutine.of(await(new Async.work().go()));",     // line 23
            "  }",
            "}");

    @Test
    void aFrameClassDoesNotReplaceAUserClassOfTheSameName() throws Throwable {
        Map<String, byte[]> compiled = ValidationSupport.compile("t.Clash", CLASH);
        assertTrue(compiled.containsKey("t/Clash$Async$work"), "the user's class is there: " + compiled.keySet());
        List<InstrumentResult> results = new ArrayList<>();
        ValidationSupport.instrument(compiled, results, false);
        for (InstrumentResult r : results) {
            for (String frame : r.generatedClasses().keySet()) {
                assertTrue(!compiled.containsKey(frame), frame + " overwrites a compiled class");
            }
        }
        ValidationSupport.Loaded l = ValidationSupport.instrumentAndLoad(compiled);
        assertEquals("hello", l.run("t.Clash", "work"));
    }

    @Test
    void asyncTracesNameTheOwnerEvenWhenItsNameHasTheFrameInfix() {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Clash", CLASH);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.run("t.Clash", "viaNested"));
        List<String> user = new ArrayList<>();
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().startsWith("t.Clash") && el.getLineNumber() > 0) {
                user.add(el.getClassName() + "." + el.getMethodName() + ":" + el.getLineNumber());
            }
        }
        assertEquals(List.of("t.Clash$Async$work.fail:14", "t.Clash$Async$work.go:10", "t.Clash.viaNested:23"),
                user);
    }
}
