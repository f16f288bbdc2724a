package dev.jasyncio.transformer.constructs;

import dev.jasyncio.transformer.validation.ValidationSupport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Async generators ({@code @Async} methods returning {@code AsyncGenerator}, and {@code generate}) consumed by
 * {@code for (x : aiter(gen))}: checked against CPython; the early close; allocation per element.
 */
class AsyncGeneratorTest {

    private static final String HEADER = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import java.util.*;",
            "import static dev.jasyncio.Asyncio.*;");

    /** cpython/async_generators.py */
    @Test
    void generatorsAndAsyncForBehaveAsInCpython() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Gen", String.join("\n", HEADER,
                "public class Gen {",
                "  static final List<String> out = new ArrayList<>();",
                "  static void print(Object... parts) { StringJoiner j = new StringJoiner(\" \"); for (Object p : parts) j.add(String.valueOf(p)); out.add(j.toString()); }",
                "  static final class ValueError extends RuntimeException { ValueError(String m) { super(m); } }",
                "  @Async static AsyncGenerator<Integer> ticker(double delay, int to) {",
                "    try {",
                "      for (int i = 0; i < to; i++) {",
                "        print(\"produce\", i);",
                "        await(emit(i));",
                "        await(sleep(delay));",
                "      }",
                "    } finally {",
                "      print(\"ticker finally\");",
                "    }",
                "    return AsyncGenerator.end();",
                "  }",
                "  @Async static AsyncGenerator<Integer> failing() {",
                "    await(emit(1));",
                "    if (out != null) throw new ValueError(\"boom\");",
                "    return AsyncGenerator.end();",
                "  }",
                "  @Async static Coroutine<List<String>> main() {",
                "    for (int i : aiter(ticker(0.01, 3))) {",
                "      print(\"got\", i);",
                "    }",
                "    AsyncGenerator<Integer> gen = ticker(0, 10);",
                "    for (int i : aiter(gen)) {",
                "      print(\"got\", i);",
                "      if (i == 1) break;",
                "    }",
                "    await(gen.aclose());",
                "    print(\"closed\");",
                "    try {",
                "      for (int i : aiter(failing())) print(\"got\", i);",
                "    } catch (ValueError e) {",
                "      print(\"failed\", \"ValueError('\" + e.getMessage() + \"')\");",
                "    }",
                "    int total = 0;",
                "    for (int i : aiter(ticker(0, 4))) total += i;",
                "    print(\"total\", total);",
                "    return Coroutine.of(out);",
                "  }",
                "}"));
        assertEquals(Cpython.output("async_generators"), l.run("t.Gen", "main"));
    }

    @Test
    void leavingALoopEarlyClosesTheGeneratorByReturnOrFailureAndTheBuilderFormWorks() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Early", String.join("\n", HEADER,
                "public class Early {",
                "  static final StringBuilder log = new StringBuilder();",
                "  @Async static AsyncGenerator<Integer> numbers() {",
                "    try { for (int i = 0; ; i++) { await(emit(i)); } }",
                "    finally { log.append(\"[closed]\"); }",
                "  }",
                "  @Async static Coroutine<Integer> firstAbove(int n) {",
                "    for (int i : aiter(numbers())) { if (i > n) return Coroutine.of(i); }",
                "    return Coroutine.of(-1);",
                "  }",
                "  @Async static Coroutine<String> failInside() {",
                "    try { for (int i : aiter(numbers())) { if (i == 2) throw new IllegalStateException(\"x\" + i); } }",
                "    catch (IllegalStateException e) { log.append(e.getMessage()); }",
                "    return Coroutine.of(log.toString());",
                "  }",
                "  @Async static Coroutine<String> main() {",
                "    int r = await(firstAbove(3));",
                "    log.append(r);",
                "    await(failInside());",
                "    AsyncGenerator<String> words = generate(out -> {",
                "      try { await(out.emit(\"a\")); await(sleep(0)); await(out.emit(\"b\")); await(out.emit(\"c\")); }",
                "      finally { log.append(\"[words done]\"); }",
                "      return Coroutine.of(null);",
                "    });",
                "    for (String w : aiter(words)) { log.append(w); }",
                "    return Coroutine.of(log.toString());",
                "  }",
                "}"));
        assertEquals("[closed]4[closed]x2abc[words done]", l.run("t.Early", "main"));
    }

    @Test
    void aConsumerRunningWithoutAFrameFollowsAGeneratorThatSuspendsForReal() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Direct", String.join("\n", HEADER,
                "public class Direct {",
                "  @Async static AsyncGenerator<Integer> slow(int n) {",
                "    for (int i = 1; i <= n; i++) { await(sleep(0.001)); await(emit(i)); await(sleep(0)); }",
                "    return AsyncGenerator.end();",
                "  }",
                "  @Async static Coroutine<Integer> sum(int n) {",
                "    int s = 0;",
                "    for (int i : aiter(slow(n))) { s = s * 10 + i; }",
                "    return Coroutine.of(s);",
                "  }",
                "  @Async static Coroutine<Integer> main() {",
                "    int a = await(sum(3));", // a direct call: sum runs without a frame until it suspends
                "    int b = await(sum(4));",
                "    return Coroutine.of(a * 10000 + b);",
                "  }",
                "}"));
        assertEquals(123 * 10000 + 1234, l.run("t.Direct", "main"));
    }

    @Test
    void aGeneratorSuspendingOnlyAtEmitAllocatesNothingPerElement() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Alloc", String.join("\n", HEADER,
                "public class Alloc {",
                "  @Async static AsyncGenerator<Integer> range(int n) {",
                "    for (int i = 0; i < n; i++) await(emit(i & 63));",
                "    return AsyncGenerator.end();",
                "  }",
                "  @Async static Coroutine<Integer> sum(int n) {",
                "    int s = 0;",
                "    for (int i : aiter(range(n))) s += i;",
                "    return Coroutine.of(s);",
                "  }",
                "}"));
        double perElement = l.allocatedBytesPerCall("t.Alloc", "sum", 1_000_000, expectedSum(1_000_000));
        assertTrue(perElement < 1, "bytes allocated per element: " + perElement);
    }

    private static Integer expectedSum(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += i & 63;
        }
        return s;
    }
}
