package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code new Pair(await(a), await(b))}: an object allocated but not constructed cannot be saved across an await,
 * so the transformer moves the allocation after the arguments, keeping class initialization where it was.
 */
class ConstructorCallTest {

    @Test
    void awaitsInConstructorArgumentsNestedAndWithInitOrderKept() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Ctor", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import java.util.*;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class Ctor {",
                "  public static final List<String> log = new ArrayList<>();",
                "  record Pair(Object a, Object b) {}",
                "  static class Noisy {",
                "    static { log.add(\"Noisy initialised\"); }",
                "    final String v;",
                "    Noisy(String v, long pad, double d) { this.v = v + pad + d; }",
                "    public String toString() { return v; }",
                "  }",
                "  @Async static <T> Coroutine<T> later(T v) { await(sleep(0)); log.add(\"got \" + v); return Coroutine.of(v); }",
                "  @Async public static Coroutine<String> main() {",
                "    Pair p = new Pair(await(later(1)), new Pair(await(later(\"x\")), 2));",
                "    Noisy n = new Noisy(await(later(\"n\")), 7L, await(later(0.5)));",
                "    return Coroutine.of(p + \" \" + n);",
                "  }",
                "}"));
        assertEquals("Pair[a=1, b=Pair[a=x, b=2]] n70.5", l.run("t.Ctor", "main"));
        assertEquals(List.of("got 1", "got x", "Noisy initialised", "got n", "got 0.5"),
                l.type("t.Ctor").getField("log").get(null));
    }
}
