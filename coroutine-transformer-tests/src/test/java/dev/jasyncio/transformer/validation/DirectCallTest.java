package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code await(f(...))} on a static async method of the same class goes through f's direct entry: nothing is
 * allocated when f completes without suspending, and when f does suspend deep inside, the chain of frames made on
 * the way out resumes exactly where each body stopped.
 */
class DirectCallTest {

    private static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import java.util.*;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Direct {",
            "  public static final List<String> log = new ArrayList<>();",
            "  @Async static Coroutine<Integer> add(int a, int b) { return Coroutine.of(a + b); }",
            "  @Async public static Coroutine<Integer> loop(int n) {",
            "    int acc = 0;",
            "    for (int i = 0; i < n; i++) { acc = await(add(acc & 63, 1)); }",
            "    return Coroutine.of(acc);",
            "  }",
            "  @Async static Coroutine<Integer> fib(int n) {",
            "    if (n < 2) return Coroutine.of(n);",
            "    return Coroutine.of(await(fib(n - 1)) + await(fib(n - 2)));",
            "  }",
            "  @Async public static Coroutine<Integer> fibMain(int n) { return fib(n); }",
            "  @Async static Coroutine<String> leaf(String tag, double secs) {",
            "    log.add(tag + \" start\");",
            "    await(sleep(secs));",
            "    log.add(tag + \" end\");",
            "    return Coroutine.of(tag);",
            "  }",
            "  @Async static Coroutine<String> middle(String tag, long weight) {",
            "    String a = await(leaf(tag + \".1\", 0));",
            "    String b = await(leaf(tag + \".2\", 0));",
            "    return Coroutine.of(a + \"+\" + b + \"@\" + weight);",
            "  }",
            "  @Async public static Coroutine<String> top() {",
            "    Task<String> other = createTask(middle(\"other\", 2L));",
            "    String mine = await(middle(\"mine\", 1L));",
            "    return Coroutine.of(mine + \" \" + await(other));",
            "  }",
            "  @Async static Coroutine<Integer> failing(int n) {",
            "    if (n == 0) { await(sleep(0)); throw new IllegalArgumentException(\"bottom\"); }",
            "    return Coroutine.of(await(failing(n - 1)) + 1);",
            "  }",
            "  @Async public static Coroutine<String> catchesDeep(int n) {",
            "    try { await(failing(n)); return Coroutine.of(\"no\"); }",
            "    catch (IllegalArgumentException e) { return Coroutine.of(e.getMessage()); }",
            "  }",
            "}");

    @Test
    void anAwaitedCallThatCompletesAtOnceAllocatesNothing() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Direct", SOURCE);
        double perCall = l.allocatedBytesPerCall("t.Direct", "loop", 200_000, 64);
        // A frame per call would be at least 24 bytes a call; what remains is the loop, its task and its timer-free
        // scheduling, a few kilobytes in all.
        assertTrue(perCall < 2.0, "allocated " + perCall + " bytes per awaited call");
    }

    @Test
    void recursionThroughDirectEntries() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Direct", SOURCE);
        assertEquals(6765, l.run("t.Direct", "fibMain", 20));
    }

    @Test
    void directCalleesThatSuspendDeepInsideResumeInOrder() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Direct", SOURCE);
        assertEquals("mine.1+mine.2@1 other.1+other.2@2", l.run("t.Direct", "top"));
        // CPython 3.13 prints this order for the same program (leaf/middle/top with sleep(0)).
        assertEquals(List.of("mine.1 start", "other.1 start", "mine.1 end", "mine.2 start", "other.1 end",
                "other.2 start", "mine.2 end", "other.2 end"), l.type("t.Direct").getField("log").get(null));
    }

    /**
     * Only the class's own awaits call a direct entry: {@code add} and {@code fib} are called in the class and have
     * one, {@code top} and {@code catchesDeep} are called from outside only and have none.
     */
    @Test
    void onlyMethodsTheClassItselfCallsGetADirectEntry() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Direct", SOURCE);
        Class<?> direct = l.type("t.Direct");
        for (String called : List.of("add", "fib", "leaf", "middle", "failing")) {
            assertEquals(1, directEntries(direct, called), called + " is awaited in the class");
        }
        for (String notCalled : List.of("loop", "fibMain", "top", "catchesDeep")) {
            assertEquals(0, directEntries(direct, notCalled), notCalled + " is not called in the class");
        }
    }

    /** Methods named {@code name} whose last two parameters are the task and the depth: direct entries. */
    private static long directEntries(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() >= 2)
                .filter(m -> m.getParameterTypes()[m.getParameterCount() - 2] == dev.jasyncio.Task.class
                        && m.getParameterTypes()[m.getParameterCount() - 1] == int.class)
                .count();
    }

    @Test
    void aFailureDeepInADirectChainThatSuspendedReachesTheOuterCatch() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Direct", SOURCE);
        assertEquals("bottom", l.run("t.Direct", "catchesDeep", 10));
        assertEquals("bottom", l.run("t.Direct", "catchesDeep", 1000));
    }
}
