package dev.jasyncio.transformer.fuzz;

import dev.jasyncio.transformer.validation.Twin;

import java.util.Random;

/**
 * One generated program: a body written once with markers, expanded into an {@code @Async} method and its
 * synchronous twin. Markers: {@code AWAIT(e)} awaits {@code e} and never throws; {@code AWAIT_T(e)} and
 * {@code AWAIT_C(e)} throw the unchecked / checked test exception in the throwing mode; {@code AWAIT_S(e)} awaits a
 * {@code CompletionStage} that fails like {@code AWAIT_T}; {@code RETURN(e)} returns {@code Coroutine.of(e)};
 * {@code AWAIT_D(e)} awaits a static async method of the class like {@code AWAIT_T} (the transformer calls its
 * direct entry); {@code AWAIT_P(e)} does so with a private instance one on {@code this} (a direct entry too), and
 * {@code AWAIT_I(e)} with an overridable one (a coroutine object); {@code AWAIT_R(n, e)} / {@code AWAIT_Q(n, e)}
 * await through n recursive static / final instance async calls;
 * {@code SLEEP(d)} is {@code await(sleep(d))} (an intrinsic);
 * {@code RETURN_D(e)} returns another coroutine (delegation); {@code ASYNC_FN} is an {@code AsyncFunction<Integer,
 * String>} and {@code AWAIT_L(e)} awaits what it returns. The twin evaluates the same helpers without awaiting, and
 * has a {@code java.util.function.Function} for the async function.
 */
final class FuzzProgram {

    /** The parameters of every program; {@code log} receives the trace. */
    static final String PARAMS = "StringBuilder log, int p, long q, double r, String w";
    private static final String ARGS = "log, p, q, r, w";
    /** How many sets of inputs each program runs with (in each mode). */
    static final int INPUTS = 3;

    /**
     * Where the program's two methods live. The entry points {@code aN} / {@code sN} are members of the generated
     * class; all but STATIC and INSTANCE delegate to methods of a nested, inner, local or anonymous class, an
     * interface (default or static methods) or a record, returning the coroutine of the async one (which the entry
     * point then awaits).
     */
    enum Shape { STATIC, INSTANCE, INNER, INTERFACE_DEFAULT, INTERFACE_STATIC, RECORD, LOCAL, ANONYMOUS }

    final long seed;
    final Shape shape;
    /** Whether the entry points are instance methods. */
    final boolean instance;
    final String body;

    private FuzzProgram(long seed, Shape shape, String body) {
        this.seed = seed;
        this.shape = shape;
        this.instance = shape == Shape.INSTANCE || shape == Shape.INNER;
        this.body = body;
    }

    /** The program of {@code seed}: the same seed always gives the same program. */
    static FuzzProgram generate(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int k = random.nextInt(100);
        Shape shape = k < 45 ? Shape.STATIC : k < 65 ? Shape.INSTANCE : Shape.values()[2 + (k - 65) % 6];
        GenContext g = new GenContext(seed, shape == Shape.INSTANCE, 16 + random.nextInt(40));
        g.declare(new Var("p", VType.INT, true));
        g.declare(new Var("q", VType.LONG, true));
        g.declare(new Var("r", VType.DOUBLE, true));
        g.declare(new Var("w", VType.STRING, true));
        g.declare(new Var("sf", VType.INT, true, true));
        if (shape == Shape.INSTANCE || shape == Shape.INNER) { // an inner class reaches them through this$0
            g.declare(new Var("fld", VType.INT, true, true));
            g.declare(new Var(shape == Shape.INNER ? "lfld" : "this.lfld", VType.LONG, true, true));
            g.declare(new Var("sfld", VType.STRING, true, true));
        }
        String padding = "";
        if (random.nextInt(100) < 4) { // past 255 slots: the later locals need WIDE loads and stores
            StringBuilder pad = new StringBuilder("    long k1 = q");
            for (int i = 2; i <= 130; i++) {
                pad.append(", k").append(i).append(" = k").append(i - 1).append(" + ").append(i);
            }
            padding = pad.append(";\n").toString();
            g.declare(new Var("k1", VType.LONG, true));
            g.declare(new Var("k130", VType.LONG, true));
        }
        return new FuzzProgram(seed, shape, padding + new Statements(g).program("    "));
    }

    /** The members of the generated class for program {@code index}: {@code a<index>}, {@code s<index>}, containers. */
    String members(int index) {
        String a = "a" + index;
        String s = "s" + index;
        String async = asyncBody();
        String sync = syncBody();
        switch (shape) {
            case STATIC: case INSTANCE: {
                String mod = shape == Shape.STATIC ? "static " : "";
                return method("@Async " + mod, "Coroutine<String>", a, async) + method(mod, "String", s, sync);
            }
            case INNER: case RECORD: case INTERFACE_DEFAULT: case INTERFACE_STATIC: {
                String type = "C" + index;
                String header = shape == Shape.INNER ? "class " + type : shape == Shape.RECORD ? "record " + type
                        + "(int base)" : "interface " + type;
                String mod = shape == Shape.INTERFACE_DEFAULT ? "default " : shape == Shape.INTERFACE_STATIC
                        ? "static " : "";
                String target = shape == Shape.INNER ? "new " + type + "()" : shape == Shape.RECORD ? "new " + type
                        + "(7)" : shape == Shape.INTERFACE_DEFAULT ? "new " + type + "() { }" : type;
                String entry = shape == Shape.INNER ? "" : "static ";
                return "  " + header + " {\n" + method("@Async " + mod, "Coroutine<String>", "run", async)
                        + method(mod, "String", "sync", sync) + "  }\n"
                        + delegate("@Async " + entry, "Coroutine<String>", a, target + ".run")
                        + delegate(entry, "String", s, target + ".sync");
            }
            case LOCAL:
                return delegate("@Async static ", "Coroutine<String>", a, "class L { "
                        + method("@Async ", "Coroutine<String>", "run", async) + " }\n    return new L().run")
                        + delegate("static ", "String", s, "class L { " + method("", "String", "sync", sync)
                        + " }\n    return new L().sync");
            default:
                return delegate("@Async static ", "Coroutine<String>", a, "new Object() { "
                        + method("@Async ", "Coroutine<String>", "run", async) + " }.run")
                        + delegate("static ", "String", s, "new Object() { " + method("", "String", "sync", sync)
                        + " }.sync");
        }
    }

    private static String method(String modifiers, String type, String name, String body) {
        return "  " + modifiers + type + " " + name + "(" + PARAMS + ") throws Exception {\n" + body + "  }\n";
    }

    /** {@code return call(args);}: {@code call} may start with a local class declaration. */
    private static String delegate(String modifiers, String type, String name, String call) {
        String ret = call.startsWith("class ") ? "" : "return ";
        return "  " + modifiers + type + " " + name + "(" + PARAMS + ") throws Exception {\n    " + ret + call
                + "(" + ARGS + ");\n  }\n";
    }

    /** The arguments of run {@code input}: the log, then p, q, r and w. */
    Object[] arguments(StringBuilder log, int input) {
        Random in = new Random(seed * 31 + input);
        return new Object[] {log, in.nextInt(12) - 2, in.nextInt(2000) - 1000L, in.nextInt(100) / 8.0,
            new String[] {"", "a", "ab", "x"}[in.nextInt(4)]};
    }

    /** The static inputs of run {@code input}, for {@code reset}: four booleans, then the initial {@code sf}. */
    int staticInputs(int input) {
        return new Random(seed * 17 + input).nextInt(1 << 7);
    }

    /**
     * Each marker of a generated body, with what it becomes in the async body and in its synchronous twin: the
     * prefix and the suffix around the marker's argument, applied in this order.
     */
    private static final String[][] MARKERS = {
        {"AWAIT", "await(awt(0, ", "))", "syn(0, ", ")"},
        {"AWAIT_T", "await(awt(1, ", "))", "syn(1, ", ")"},
        {"AWAIT_C", "await(awt(2, ", "))", "syn(2, ", ")"},
        {"AWAIT_S", "await(stg(1, ", "))", "syn(1, ", ")"},
        {"AWAIT_D", "await(cod(1, ", "))", "syn(1, ", ")"},
        {"AWAIT_I", "await(icod(1, ", "))", "syn(1, ", ")"},
        {"AWAIT_P", "await(pcod(1, ", "))", "syn(1, ", ")"},
        {"AWAIT_R", "await(rec(", "))", "recSync(", ")"},
        {"AWAIT_Q", "await(prec(", "))", "recSync(", ")"},
        {"SLEEP", "await(sleep(", "))", "noop(", ")"},
        {"RETURN", "return Coroutine.of(", ")", "return (", ")"},
        {"RETURN_D", "return delegate(", ")", "return (", ")"},
        {"AWAIT_L", "await(", ")", "(", ")"},
    };

    private String asyncBody() {
        return expand(1).replace("ASYNC_FN", "AsyncFunction<Integer, String>");
    }

    private String syncBody() {
        return expand(3).replace("ASYNC_FN", "java.util.function.Function<Integer, String>");
    }

    /** The body with every marker replaced by column {@code at} (prefix) and {@code at + 1} (suffix) of MARKERS. */
    private String expand(int at) {
        String b = body;
        for (String[] m : MARKERS) {
            b = Twin.expand(b, m[0], m[at], m[at + 1]);
        }
        return b;
    }
}
