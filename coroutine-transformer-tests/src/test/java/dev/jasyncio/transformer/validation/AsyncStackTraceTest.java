package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An exception thrown three awaits deep, after the chain suspended and was resumed by the loop, shows the logical
 * chain of async methods with file and line, innermost first, whether the calls went through direct entries
 * (static methods) or coroutine objects (overridable instance methods).
 */
class AsyncStackTraceTest {

    private static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Deep {",
            "  @Async static Coroutine<Integer> third() {",
            "    await(sleep(0));",
            "    throw new IllegalStateException(\"deep\");",                 // line 8
            "  }",
            "  @Async static Coroutine<Integer> second() {",
            "    int x = await(third());",                                    // line 11
            "    return Coroutine.of(x);",
            "  }",
            "  @Async public static Coroutine<Integer> first() {",
            "    return Coroutine.of(await(second()) + 1);",                  // line 15
            "  }",
            "  @Async Coroutine<Integer> c() { await(sleep(0)); throw new IllegalStateException(\"deep\"); }", // 17
            "  @Async Coroutine<Integer> b() { return Coroutine.of(await(c()) + 1); }",                       // 18
            "  @Async Coroutine<Integer> a() { return Coroutine.of(await(b()) + 1); }",                       // 19
            "  @Async public static Coroutine<Integer> viaObjects() { return new Deep().a(); }",
            "}");

    private static List<String> userFrames(Throwable e) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().equals("t.Deep")) {
                out.add(el.getMethodName() + ":" + el.getLineNumber());
            }
        }
        return out;
    }

    @Test
    void theChainOfStaticAsyncMethodsAppearsInTheTrace() {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Deep", SOURCE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.run("t.Deep", "first"));
        assertEquals(List.of("third:8", "second:11", "first:15"), userFrames(e));
    }

    @Test
    void theChainOfInstanceAsyncMethodsAppearsInTheTrace() {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Deep", SOURCE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.run("t.Deep", "viaObjects"));
        assertEquals(List.of("c:17", "b:18", "a:19", "viaObjects:20"), userFrames(e));
    }
}
