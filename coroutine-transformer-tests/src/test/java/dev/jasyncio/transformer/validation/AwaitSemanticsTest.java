package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an await means: calling an async method runs nothing; awaiting a coroutine runs it inline without
 * recursion; exceptions arrive at the await as the original object; checked exceptions pass through; instance,
 * generic and private members work; async lambdas are bodies too; line numbers survive.
 */
class AwaitSemanticsTest {

    private static ValidationSupport.Loaded l;

    @BeforeAll
    static void compile() {
        l = ValidationSupport.load("t.Sem", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import java.io.IOException;",
                "import java.util.*;",
                "import java.util.function.Function;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class Sem {",
                "  public static final List<String> log = new ArrayList<>();",
                "  private int counter = 40;",
                "  private int bump(int by) { return counter += by; }",
                "  @Async static Coroutine<Integer> depth(int n) {",                                   // 12
                "    if (n == 0) return Coroutine.of(0);",
                "    return Coroutine.of(await(depth(n - 1)) + 1);",
                "  }",
                "  @Async public static Coroutine<Integer> chain(int n) { return depth(n); }",
                "  @Async static Coroutine<String> noisy() { log.add(\"ran\"); return Coroutine.of(\"x\"); }",
                "  public static Object callOnly() { Coroutine<String> c = noisy(); return log.size(); }",
                "  @Async static Coroutine<Void> fail(RuntimeException e) {",                      // 19
                "    await(sleep(0));",
                "    throw e;",
                "  }",
                "  @Async public static Coroutine<Object> catches(RuntimeException e) {",
                "    try { await(fail(e)); return Coroutine.of(\"no\"); }",
                "    catch (RuntimeException caught) { return Coroutine.of(caught); }",
                "  }",
                "  @Async static Coroutine<String> io(boolean fail) throws IOException {",
                "    await(sleep(0));",
                "    if (fail) throw new IOException(\"disk\");",
                "    return Coroutine.of(\"ok\");",
                "  }",
                "  @Async public static Coroutine<String> checked() {",
                "    try { return Coroutine.of(await(io(false)) + await(io(true))); }",
                "    catch (IOException e) { return Coroutine.of(\"caught \" + e.getMessage()); }",
                "  }",
                "  @Async Coroutine<Integer> instance(int by) {",
                "    await(sleep(0));",
                "    int a = bump(by);",
                "    await(sleep(0));",
                "    return Coroutine.of(a + counter);",
                "  }",
                "  @Async public static Coroutine<Integer> onInstance() { return new Sem().instance(1); }",
                "  @Async static <T extends Comparable<T>> Coroutine<T> max(List<T> xs) {",
                "    T best = null;",
                "    for (T x : xs) { await(sleep(0)); if (best == null || x.compareTo(best) > 0) best = x; }",
                "    return Coroutine.of(best);",
                "  }",
                "  @Async public static Coroutine<String> generic() { return Coroutine.of(await(max(List.of(\"b\", \"c\", \"a\")))); }",
                "  @Async public static Coroutine<Integer> lambdas() throws Exception {",
                "    AsyncFunction<Integer, Integer> f = x -> { await(sleep(0)); return Coroutine.of(x * 3); };",
                "    int captured = 4;",
                "    AsyncSupplier<Integer> g = () -> Coroutine.of(await(f.apply(captured)) + 1);",
                "    return Coroutine.of(await(g.get()));",
                "  }",
                "  @Async public static Coroutine<Void> throwsOnLine() {",
                "    await(sleep(0));",
                "    int[] a = new int[1];",
                "    a[5] = 1;",                                                                           // 58
                "    return Coroutine.of(null);",
                "  }",
                "  @Async public static Coroutine<String> awaitsTasksAndFutures() {",
                "    Future<String> f = getRunningLoop().createFuture();",
                "    getRunningLoop().callLater(0.001, () -> f.setResult(\"future\"));",
                "    Task<Integer> t = createTask(depth(3));",
                "    return Coroutine.of(await(f) + \"+\" + await(t) + \"+\" + await(t));",
                "  }",
                "  @Async public static Coroutine<String> cancelIntoFinally() {",
                "    Task<String> t = createTask(sleeper());",
                "    await(sleep(0.01));",
                "    t.cancel(\"stop\");",
                "    try { await(t); return Coroutine.of(\"not cancelled\"); }",
                "    catch (CancelledError e) { return Coroutine.of(String.join(\",\", log) + \" msg=\" + e.getMessage()); }",
                "  }",
                "  @Async static Coroutine<String> sleeper() {",
                "    try { log.add(\"sleeping\"); await(sleep(10)); return Coroutine.of(\"woke\"); }",
                "    finally { log.add(\"finally\"); }",
                "  }",
                "  @Async public static Coroutine<Integer> reuse() {",
                "    Coroutine<Integer> c = depth(1);",
                "    await(c);",
                "    return Coroutine.of(await(c));",
                "  }",
                "}"));
    }

    @Test
    void callingAnAsyncMethodRunsNothing() throws Throwable {
        ((List<?>) l.type("t.Sem").getField("log").get(null)).clear();
        Object size = l.call("t.Sem", "callOnly");
        assertEquals(0, size);
    }

    @Test
    void aChainOfOneHundredThousandNestedAwaitsDoesNotOverflowTheStack() throws Throwable {
        assertEquals(100_000, l.run("t.Sem", "chain", 100_000));
    }

    @Test
    void theCallerCatchesTheOriginalExceptionObject() throws Throwable {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, l.run("t.Sem", "catches", boom));
    }

    @Test
    void checkedExceptionsPassThroughUnchanged() throws Throwable {
        assertEquals("caught disk", l.run("t.Sem", "checked"));
    }

    @Test
    void instanceMethodsSeeTheirObjectAndPrivateMembers() throws Throwable {
        assertEquals(82, l.run("t.Sem", "onInstance"));
    }

    @Test
    void genericMethods() throws Throwable {
        assertEquals("c", l.run("t.Sem", "generic"));
    }

    @Test
    void asyncLambdasAreBodiesToo() throws Throwable {
        assertEquals(13, l.run("t.Sem", "lambdas"));
    }

    @Test
    void anExceptionAfterAnAwaitCarriesItsSourceLine() {
        ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> l.run("t.Sem", "throwsOnLine"));
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals("Sem.java", top.getFileName());
        assertEquals(58, top.getLineNumber());
    }

    @Test
    void awaitsFuturesAndTasksIncludingADoneTaskTwice() throws Throwable {
        assertEquals("future+3+3", l.run("t.Sem", "awaitsTasksAndFutures"));
    }

    @Test
    void cancellationRunsFinallyAndCarriesTheMessage() throws Throwable {
        @SuppressWarnings("unchecked")
        List<String> log = (List<String>) l.type("t.Sem").getField("log").get(null);
        log.clear();
        assertEquals("sleeping,finally msg=stop", l.run("t.Sem", "cancelIntoFinally"));
    }

    @Test
    void aCoroutineCannotBeAwaitedTwice() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.run("t.Sem", "reuse"));
        assertTrue(e.getMessage().contains("cannot reuse already awaited coroutine"), e.getMessage());
    }
}
