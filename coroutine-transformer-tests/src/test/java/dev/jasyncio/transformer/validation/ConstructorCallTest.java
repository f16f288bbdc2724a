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

    /**
     * javac spills the operand stack, the object being constructed included, into locals around a switch
     * expression with a try in it: the allocation reaches its constructor through local variables.
     */
    @Test
    void awaitInASwitchExpressionWithATryAsAConstructorArgument() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.SwitchArg", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import java.util.*;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class SwitchArg {",
                "  public static final List<String> log = new ArrayList<>();",
                "  record Box(Object v) {}",
                "  static class Noisy {",
                "    static { log.add(\"Noisy initialised\"); }",
                "    final String v;",
                "    Noisy(int pad, String v, long more) { this.v = pad + v + more; }",
                "    public String toString() { return v; }",
                "  }",
                "  @Async static <T> Coroutine<T> later(T v) { await(sleep(0)); log.add(\"got \" + v); return Coroutine.of(v); }",
                "  @Async public static Coroutine<String> main() {",
                "    StringBuilder out = new StringBuilder();",
                "    for (int k = 0; k < 3; k++) {",
                "      Box b = new Box(switch (k) {",
                "        case 0 -> \"zero\";",
                "        default -> { try { yield await(later(\"k\" + k)); } finally { log.add(\"finally \" + k); } }",
                "      });",
                "      Noisy n = new Noisy(k, switch (k) {",
                "        case 1 -> \"one\";",
                "        default -> { try { yield await(later(\"n\" + k)); } finally { log.add(\"n finally \" + k); } }",
                "      }, 7L);",
                "      out.append(b).append(' ').append(n).append(';');",
                "    }",
                "    return Coroutine.of(out.toString());",
                "  }",
                "}"));
        assertEquals("Box[v=zero] 0n07;Box[v=k1] 1one7;Box[v=k2] 2n27;", l.run("t.SwitchArg", "main"));
        assertEquals(List.of("Noisy initialised", "got n0", "n finally 0", "got k1", "finally 1", "got k2", "finally 2",
                "got n2", "n finally 2"), l.type("t.SwitchArg").getField("log").get(null));
    }
}
