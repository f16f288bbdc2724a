package dev.jasyncio.transformer.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The constructs javac puts around awaits, each against its synchronous twin, with awaits that suspend and awaits
 * that complete at once: try-with-resources, awaits in catch and finally, string and enum switches, switch
 * expressions yielding from try/finally, ternaries, short-circuit operators, labeled loops, compound array
 * assignment, enhanced for with string concatenation, and a slot reused with different types.
 */
class ConstructsTest {

    private static final String MEMBERS = String.join("\n",
            "  enum Color { RED, GREEN, BLUE }",
            "  static final class Res implements AutoCloseable {",
            "    final StringBuilder log; final String name;",
            "    Res(StringBuilder log, String name) { this.log = log; this.name = name; log.append(\"open \" + name + \";\"); }",
            "    public void close() { log.append(\"close \" + name + \";\"); }",
            "  }");

    private static void assertTwinsAgree(Twin.Mode mode, String params, String body, Object... args)
            throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Twin", Twin.source(params, body, mode, MEMBERS));
        assertEquals(l.call("t.Twin", "sync", args), l.run("t.Twin", "async", args));
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void tryWithResourcesAroundAndInsideAwaits(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int n", String.join("\n",
                "StringBuilder log = new StringBuilder();",
                "try (Res a = new Res(log, AWAIT(\"a\")); Res b = new Res(log, \"b\")) {",
                "  log.append(AWAIT(n)).append(';');",
                "  if (n > 2) throw new IllegalStateException(AWAIT(\"big\"));",
                "} catch (IllegalStateException e) {",
                "  log.append(\"caught \").append(AWAIT(e.getMessage())).append(';');",
                "} finally {",
                "  log.append(\"finally \").append(AWAIT(n * 2));",
                "}",
                "RETURN(log.toString());"), 3);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void switchesOnStringsEnumsAndSwitchExpressionsWithYieldInTryFinally(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "String s", String.join("\n",
                "StringBuilder out = new StringBuilder();",
                "switch (AWAIT(s)) { case \"alpha\": out.append(AWAIT(1)); break; case \"beta\": out.append(2); break; default: out.append(0); }",
                "Color c = AWAIT(Color.GREEN);",
                "switch (c) { case RED -> out.append(\"r\"); case GREEN -> out.append(AWAIT(\"g\")); default -> out.append(\"b\"); }",
                "int k = switch (AWAIT(s.length())) {",
                "  case 5 -> { try { yield AWAIT(50); } finally { out.append(\"fin\").append(AWAIT('!')); } }",
                "  default -> 0;",
                "};",
                "Object o = AWAIT((Object) s);",
                "String kind = o instanceof String str && str.startsWith(\"a\") ? \"A:\" + AWAIT(str.length()) : \"?\";",
                "RETURN(out + \"|\" + k + \"|\" + kind);"), "alpha");
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void ternariesShortCircuitsLabeledLoopsAndCompoundArrayAssignment(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int n", String.join("\n",
                "int[] arr = new int[8]; int i = 0; StringBuilder log = new StringBuilder();",
                "outer:",
                "for (int a = 0; a < n; a++) {",
                "  for (int b = 0; b < n; b++) {",
                "    if (b > a) continue outer;",
                "    if (a * b > 6) break outer;",
                "    arr[i++ % 8] += AWAIT(a + b);",
                "    boolean both = a > 0 && AWAIT(b > 0);",
                "    boolean either = a > 1 || AWAIT(b > 1);",
                "    log.append(both ? AWAIT(\"B\") : either ? \"E\" : AWAIT(\"-\"));",
                "  }",
                "}",
                "for (int v : arr) { log.append(AWAIT(\"[\") + v + ']'); }",
                "for (String s : java.util.List.of(\"x\", \"y\")) { log.append(s + AWAIT(s.toUpperCase()) + i); }",
                "RETURN(log.toString());"), 5);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void aSlotReusedWithDifferentTypesAndNullLocals(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int n", String.join("\n",
                "String r = \"\";",
                "{ long big = AWAIT(1L << 40); r += big; }",
                "{ String s = AWAIT(\"s\"); r += s; }",
                "{ double d = AWAIT(2.5); r += d; }",
                "Object nothing = null; String none = null;",
                "r += AWAIT(n);",
                "r += nothing + \",\" + none;",
                "RETURN(r);"), 4);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void awaitsInsideCatchAndFinallyAndNestedTry(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int n", String.join("\n",
                "StringBuilder log = new StringBuilder();",
                "for (int i = 0; i < n; i++) {",
                "  try {",
                "    try {",
                "      if (i % 2 == 0) throw new RuntimeException(\"e\" + i);",
                "      log.append(AWAIT(i));",
                "    } finally {",
                "      log.append(AWAIT(\"f\"));",
                "      if (i == 3) return Coroutine_of_placeholder(log);",
                "    }",
                "  } catch (RuntimeException e) {",
                "    log.append(AWAIT(e.getMessage()));",
                "  }",
                "}",
                "RETURN(log.toString());").replace("return Coroutine_of_placeholder(log);", "RETURN(\"early \" + log);"), 6);
    }
}
