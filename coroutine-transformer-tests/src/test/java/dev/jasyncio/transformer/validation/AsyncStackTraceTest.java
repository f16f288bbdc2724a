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

    private static final String PREALLOCATED = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Pre {",
            "  public static final IllegalStateException E = new IllegalStateException(\"preallocated\");",
            "  @Async static Coroutine<Integer> thrower() { await(sleep(0)); throw E; }",               // line 7
            "  @Async static Coroutine<Integer> middle() { return Coroutine.of(await(thrower())); }",   // line 8
            "  @Async static Coroutine<Integer> crossings(int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      try { await(middle()); } catch (IllegalStateException e) { }",                      // line 11
            "    }",
            "    return Coroutine.of(E.getStackTrace().length);",
            "  }",
            "  @Async public static Coroutine<Integer> once() { return crossings(1); }",
            "  @Async public static Coroutine<Integer> fiveTimes() { return crossings(5); }",
            "  @Async static Coroutine<Integer> rethrowing() {",
            "    try { await(thrower()); } catch (IllegalStateException e) { await(sleep(0)); throw e; }", // line 18
            "    return Coroutine.of(0);",
            "  }",
            "  @Async public static Coroutine<Integer> outer() { return Coroutine.of(await(rethrowing())); }", // 21
            "}");

    @Test
    void aPreallocatedExceptionGainsTheAsyncFramesOnceHoweverOftenItCrossesThem() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Pre", PREALLOCATED);
        int afterOne = (Integer) l.run("t.Pre", "once");
        Throwable e = (Throwable) l.loader.loadClass("t.Pre").getDeclaredField("E").get(null);
        List<String> frames = userFrames(e, "t.Pre");
        int afterFive = (Integer) l.run("t.Pre", "fiveTimes");
        assertEquals(afterOne, afterFive, "the trace grew on each crossing");
        assertEquals(frames, userFrames(e, "t.Pre"));
        assertEquals(List.of("middle:8", "crossings:11", "once:15"), frames.subList(frames.size() - 3, frames.size()));
    }

    @Test
    void anExceptionCaughtAndRethrownAfterASuspensionKeepsOneCopyOfEachFrame() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Pre", PREALLOCATED);
        Throwable e = assertThrows(IllegalStateException.class, () -> l.run("t.Pre", "outer"));
        List<String> frames = userFrames(e, "t.Pre");
        assertEquals(List.of("rethrowing:18", "outer:21"), frames.subList(frames.size() - 2, frames.size()));
    }

    private static List<String> userFrames(Throwable e, String owner) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().equals(owner)) {
                out.add(el.getMethodName() + ":" + el.getLineNumber());
            }
        }
        return out;
    }
}
