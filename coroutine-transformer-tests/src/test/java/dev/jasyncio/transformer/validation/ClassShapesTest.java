package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Async methods wherever Java lets a method be: interfaces (default, static, private), records, enums, inner,
 * local and anonymous classes, varargs and bridge methods, recursion; plus unboxing a null await result, which must
 * raise the NullPointerException on the line of the await, and a method with more than 255 values live across an
 * await.
 */
class ClassShapesTest {

    private static ValidationSupport.Loaded l;

    @BeforeAll
    static void compile() {
        StringBuilder wide = new StringBuilder();
        StringBuilder sum = new StringBuilder("0");
        for (int i = 0; i < 300; i++) {
            wide.append("    long v").append(i).append(" = seed + ").append(i).append(";\n");
            sum.append(" + v").append(i);
        }
        l = ValidationSupport.load("t.Shapes", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import java.util.*;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class Shapes {",
                "  interface Greeter {",
                "    String name();",
                "    @Async default Coroutine<String> greet() { await(sleep(0)); return Coroutine.of(prefix() + name()); }",
                "    private String prefix() { return \"hi \"; }",
                "    @Async static Coroutine<String> twice(Greeter g) { return Coroutine.of(await(g.greet()) + \"/\" + await(g.greet())); }",
                "  }",
                "  record Person(String name) implements Greeter {",
                "    @Async Coroutine<Integer> nameLength() { await(sleep(0)); return Coroutine.of(name.length()); }",
                "  }",
                "  enum Op {",
                "    ADD { @Async Coroutine<Integer> apply(int a, int b) { await(sleep(0)); return Coroutine.of(a + b); } },",
                "    MUL { @Async Coroutine<Integer> apply(int a, int b) { return Coroutine.of(a * b); } };",
                "    abstract Coroutine<Integer> apply(int a, int b);",
                "  }",
                "  abstract static class Base<T> { abstract Coroutine<T> make(); }",
                "  static class Impl extends Base<String> {",
                "    @Async Coroutine<String> make() { await(sleep(0)); return Coroutine.of(\"bridged\"); }",
                "  }",
                "  class Inner { int k = 3; @Async Coroutine<Integer> times(int x) { await(sleep(0)); return Coroutine.of(x * k * outer); } }",
                "  int outer = 2;",
                "  @Async static Coroutine<Integer> sum(int... xs) { int s = 0; for (int x : xs) s += await(Op.ADD.apply(x, 0)); return Coroutine.of(s); }",
                "  @Async static Coroutine<Integer> nothing() { await(sleep(0)); return Coroutine.of(null); }",
                "  @Async public static Coroutine<Integer> unboxNull() {",
                "    int x = await(nothing());",                                                         // line 30
                "    return Coroutine.of(x);",
                "  }",
                "  @Async public static Coroutine<Long> wide(long seed) {",
                wide.toString(),
                "    await(sleep(0));",
                "    return Coroutine.of(" + sum + ");",
                "  }",
                "  @Async public static Coroutine<String> main() {",
                "    StringBuilder out = new StringBuilder();",
                "    out.append(await(Greeter.twice(new Person(\"ann\")))).append(';');",
                "    out.append(await(new Person(\"bob\").nameLength())).append(';');",
                "    out.append(await(Op.ADD.apply(2, 3))).append(',').append(await(Op.MUL.apply(2, 3))).append(';');",
                "    Base<String> b = new Impl();",
                "    out.append(await(b.make())).append(';');",
                "    out.append(await(new Shapes().new Inner().times(5))).append(';');",
                "    out.append(await(sum(1, 2, 3, 4))).append(';');",
                "    class Local { @Async Coroutine<String> hello() { await(sleep(0)); return Coroutine.of(\"local\"); } }",
                "    out.append(await(new Local().hello())).append(';');",
                "    Greeter anon = new Greeter() { public String name() { return \"anon\"; } };",
                "    out.append(await(anon.greet()));",
                "    return Coroutine.of(out.toString());",
                "  }",
                "}"));
    }

    @Test
    void asyncMethodsInEveryKindOfClass() throws Throwable {
        assertEquals("hi ann/hi ann;3;5,6;bridged;30;10;local;hi anon", l.run("t.Shapes", "main"));
    }

    @Test
    void unboxingANullResultThrowsOnTheLineOfTheAwait() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> l.run("t.Shapes", "unboxNull"));
        assertEquals("Shapes.java", e.getStackTrace()[0].getFileName());
        assertEquals(30, e.getStackTrace()[0].getLineNumber());
    }

    @Test
    void moreThan255ValuesLiveAcrossAnAwait() throws Throwable {
        long seed = 1000;
        long expected = 300 * seed + (299 * 300) / 2;
        assertEquals(expected, l.run("t.Shapes", "wide", seed));
    }
}
