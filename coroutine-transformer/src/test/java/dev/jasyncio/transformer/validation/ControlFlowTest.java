package dev.jasyncio.transformer.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Locals of every type, loops, branches, try/catch/finally around and containing awaits, nested awaits and values
 * on the operand stack under an await: each async twin must compute what its synchronous twin computes, whether
 * the awaits suspend or not.
 */
class ControlFlowTest {

    private static void assertTwinsAgree(Twin.Mode mode, String params, String body, Object... args)
            throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Twin", Twin.source(params, body, mode));
        Object expected = l.call("t.Twin", "sync", args);
        Object actual = l.run("t.Twin", "async", args);
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void everyPrimitiveTypeSurvivesAnAwait(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "", String.join("\n",
                "boolean z = true; byte b = 7; char c = 'x'; short s = 300; int i = 1 << 20;",
                "long j = 1L << 50; float f = 1.5f; double d = Math.PI; String str = \"s\"; int[] arr = {1, 2};",
                "Object o = null;",
                "int k = AWAIT(5);",
                "z = !z; b++; c++; s++; i += k; j += k; f += k; d += k; str += k; arr[1] += k;",
                "k = AWAIT(k + 1);",
                "RETURN(z + \",\" + b + \",\" + c + \",\" + s + \",\" + i + \",\" + j + \",\" + f + \",\" + d + \",\"",
                "    + str + \",\" + arr[1] + \",\" + o + \",\" + k);"));
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void loopsWithTryFinallyAndLongAndDoubleLocals(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int n", String.join("\n",
                "long total = 0; double avg = 0; StringBuilder log = new StringBuilder();",
                "for (int i = 0; i < n; i++) {",
                "  try {",
                "    long v = AWAIT((long) i * 1_000_000_007L);",
                "    if (i % 3 == 0) continue;",
                "    if (i == 7) throw new IllegalStateException(\"seven\");",
                "    total += v; avg = (avg * i + AWAIT((double) v)) / (i + 1);",
                "  } catch (IllegalStateException e) {",
                "    log.append(e.getMessage()).append(AWAIT(';'));",
                "  } finally {",
                "    log.append(i).append(AWAIT(','));",
                "  }",
                "}",
                "RETURN(total + \"|\" + avg + \"|\" + log);"), 12);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void valuesOnTheOperandStackUnderAnAwait(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int a", String.join("\n",
                "String s = String.valueOf(a) + AWAIT(\"x\") + a;",
                "long sum = 10L + (long) AWAIT(20L) + 30L;",
                "double m = Math.max(1.5, AWAIT(2.5)) * AWAIT(2.0);",
                "int nested = AWAIT(AWAIT(3) + AWAIT(4));",
                "RETURN(String.format(\"%s %d %s %d %s\", s, sum, m, nested, java.util.List.of(a, AWAIT(a + 1), a + 2)));"),
                9);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void branchesAndSwitches(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, "int x", String.join("\n",
                "String r;",
                "switch (AWAIT(x % 4)) {",
                "  case 0: r = \"zero\" + AWAIT(x); break;",
                "  case 1: r = x > 4 ? \"big\" + AWAIT(1) : \"small\"; break;",
                "  default: r = \"other\";",
                "}",
                "int w = 0;",
                "while (true) { if (AWAIT(w) > 3 && w % 2 == 0) break; w++; }",
                "RETURN(r + w);"), 5);
    }
}
