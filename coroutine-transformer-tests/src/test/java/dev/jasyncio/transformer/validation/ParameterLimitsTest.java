package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The class file format allows a method 255 slots of parameters, {@code this} included. An async method near that
 * limit still works: its direct entry (which adds the task and the depth) is left out when it would not fit, and its
 * frame is filled field by field when a constructor taking the receiver and every argument would not fit.
 */
class ParameterLimitsTest {

    /** {@code int a0, ..., long l, ...}: {@code ints} int slots, then one long (two slots) if {@code withLong}. */
    private static String parameters(int ints, boolean withLong) {
        StringJoiner p = new StringJoiner(", ");
        for (int i = 0; i < ints; i++) {
            p.add("int a" + i);
        }
        if (withLong) {
            p.add("long l");
        }
        return p.toString();
    }

    private static String arguments(int ints, boolean withLong) {
        StringJoiner a = new StringJoiner(", ");
        for (int i = 0; i < ints; i++) {
            a.add(String.valueOf(i));
        }
        if (withLong) {
            a.add("1000L");
        }
        return a.toString();
    }

    private static String sum(int ints, boolean withLong) {
        StringJoiner s = new StringJoiner(" + ");
        for (int i = 0; i < ints; i++) {
            s.add("a" + i);
        }
        if (withLong) {
            s.add("l");
        }
        return s.toString();
    }

    @Test
    void asyncMethodsWithUpTo255ParameterSlotsLoadAndRun() throws Throwable {
        // Static: 253 int slots + a long = 255 slots, the most javac allows. Instance: 252 + 2 + this = 255.
        String source = String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import static dev.jasyncio.Asyncio.*;",
                "public final class Wide {",
                "  @Async static Coroutine<Long> wideStatic(" + parameters(253, true) + ") {",
                "    await(sleep(0));",
                "    return Coroutine.of(" + sum(253, true) + ");",
                "  }",
                "  @Async static Coroutine<Long> narrowerStatic(" + parameters(254, false) + ") {",
                "    await(sleep(0));",
                "    return Coroutine.of((long) (" + sum(254, false) + "));",
                "  }",
                "  @Async Coroutine<Long> wideInstance(" + parameters(252, true) + ") {",
                "    await(sleep(0));",
                "    return Coroutine.of(" + sum(252, true) + ");",
                "  }",
                "  @Async public static Coroutine<Long> main() {",
                "    long a = await(wideStatic(" + arguments(253, true) + "));",
                "    long b = await(narrowerStatic(" + arguments(254, false) + "));",
                "    long c = await(new Wide().wideInstance(" + arguments(252, true) + "));",
                "    return Coroutine.of(a * 1_000_000_000L + b * 1_000_000L + c);",
                "  }",
                "  @Async Coroutine<Long> callsOnThis() {",
                "    return Coroutine.of(await(wideInstance(" + arguments(252, true) + ")));",
                "  }",
                "  @Async public static Coroutine<Long> onThis() {",
                "    return new Wide().callsOnThis();",
                "  }",
                "}");
        ValidationSupport.Loaded l = ValidationSupport.load("t.Wide", source);
        long a = 253L * 252 / 2 + 1000;
        long b = 254L * 253 / 2;
        long c = 252L * 251 / 2 + 1000;
        assertEquals(a * 1_000_000_000L + b * 1_000_000L + c, l.run("t.Wide", "main"));
        assertEquals(c, l.run("t.Wide", "onThis"));
    }
}
