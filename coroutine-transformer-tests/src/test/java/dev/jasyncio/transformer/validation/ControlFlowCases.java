package dev.jasyncio.transformer.validation;

import java.util.List;

/**
 * The twins of {@link ControlFlowTest}: locals of every type, loops with try/finally, values on the operand stack
 * under an await, branches and switches. Shared with the compiler matrix, which runs them on other compilers' output.
 */
public final class ControlFlowCases {

    /** One twin: parameters, body (with {@code AWAIT} and {@code RETURN} markers) and the arguments to run with. */
    public static final class Case {
        public final String name;
        public final String params;
        public final String body;
        public final Object[] args;

        Case(String name, String params, String body, Object... args) {
            this.name = name;
            this.params = params;
            this.body = body;
            this.args = args;
        }
    }

    public static final Case EVERY_PRIMITIVE = new Case("EveryPrimitive", "", String.join("\n",
            "boolean z = true; byte b = 7; char c = 'x'; short s = 300; int i = 1 << 20;",
            "long j = 1L << 50; float f = 1.5f; double d = Math.PI; String str = \"s\"; int[] arr = {1, 2};",
            "Object o = null;",
            "int k = AWAIT(5);",
            "z = !z; b++; c++; s++; i += k; j += k; f += k; d += k; str += k; arr[1] += k;",
            "k = AWAIT(k + 1);",
            "RETURN(z + \",\" + b + \",\" + c + \",\" + s + \",\" + i + \",\" + j + \",\" + f + \",\" + d + \",\"",
            "    + str + \",\" + arr[1] + \",\" + o + \",\" + k);"));

    public static final Case LOOPS_WITH_TRY_FINALLY = new Case("LoopsWithTryFinally", "int n", String.join("\n",
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

    public static final Case STACK_UNDER_AWAIT = new Case("StackUnderAwait", "int a", String.join("\n",
            "String s = String.valueOf(a) + AWAIT(\"x\") + a;",
            "long sum = 10L + (long) AWAIT(20L) + 30L;",
            "double m = Math.max(1.5, AWAIT(2.5)) * AWAIT(2.0);",
            "int nested = AWAIT(AWAIT(3) + AWAIT(4));",
            "RETURN(String.format(\"%s %d %s %d %s\", s, sum, m, nested, java.util.List.of(a, AWAIT(a + 1), a + 2)));"),
            9);

    public static final Case BRANCHES_AND_SWITCHES = new Case("BranchesAndSwitches", "int x", String.join("\n",
            "String r;",
            "switch (AWAIT(x % 4)) {",
            "  case 0: r = \"zero\" + AWAIT(x); break;",
            "  case 1: r = x > 4 ? \"big\" + AWAIT(1) : \"small\"; break;",
            "  default: r = \"other\";",
            "}",
            "int w = 0;",
            "while (true) { if (AWAIT(w) > 3 && w % 2 == 0) break; w++; }",
            "RETURN(r + w);"), 5);

    /**
     * A switch expression with a try in it, as a constructor argument: javac spills the operand stack into locals,
     * the object being constructed included. ECJ 3.x compiles it into code the JVM's verifier refuses even without
     * the transformer (its stack map frames claim the spilled object initialized), so the compiler matrix runs it on
     * javac's output only.
     */
    public static final Case SWITCH_WITH_TRY_IN_CONSTRUCTOR_CALL = new Case("SwitchWithTryInConstructorCall", "int n",
            String.join("\n",
            "StringBuilder log = new StringBuilder();",
            "for (int k = 0; k < n; k++) {",
            "  StringBuilder b = new StringBuilder(switch (k) {",
            "    case 0 -> \"zero\";",
            "    default -> { try { yield AWAIT(\"k\" + k); } finally { log.append('f').append(k); } }",
            "  });",
            "  java.util.Map.Entry<Integer, String> e = new java.util.AbstractMap.SimpleEntry<>(k, switch (k) {",
            "    case 1 -> \"one\";",
            "    default -> { try { yield AWAIT(\"n\" + k); } finally { log.append('g').append(k); } }",
            "  });",
            "  log.append(b).append(e).append(';');",
            "}",
            "RETURN(log.toString());"), 3);

    public static final List<Case> ALL = List.of(EVERY_PRIMITIVE, LOOPS_WITH_TRY_FINALLY, STACK_UNDER_AWAIT,
            BRANCHES_AND_SWITCHES, SWITCH_WITH_TRY_IN_CONSTRUCTOR_CALL);

    /** The cases whose plain Java ECJ compiles into unverifiable code. */
    public static final List<Case> NOT_FOR_ECJ = List.of(SWITCH_WITH_TRY_IN_CONSTRUCTOR_CALL);

    private ControlFlowCases() {
    }
}
