package dev.jasyncio.transformer.fuzz;

import java.util.List;

/**
 * The source of one generated class: the helpers every program uses, then each program as {@code aN} (async) and
 * {@code sN} (its twin). {@code reset(mode, inputs)} (called reflectively) sets the boolean inputs {@code z0} to
 * {@code z3} and the static {@code sf}, and picks the mode of the awaits:
 * {@value #SUSPEND} every await suspends through the loop; {@value #READY} every awaitable is already done;
 * {@value #THROW} like suspend, and every other {@code AWAIT_T} / {@code AWAIT_C} / {@code AWAIT_S} throws, at the
 * same point in the twin.
 */
final class FuzzClass {

    static final int SUSPEND = 0;
    static final int READY = 1;
    static final int THROW = 2;
    static final String[] MODE_NAMES = {"SUSPEND", "READY", "THROW"};

    private FuzzClass() {
    }

    static String source(String simpleName, List<FuzzProgram> programs) {
        StringBuilder s = new StringBuilder(PRELUDE.replace("$CLASS", simpleName));
        for (int i = 0; i < programs.size(); i++) {
            s.append("  // program seed ").append(programs.get(i).seed).append('\n');
            s.append(programs.get(i).members(i));
        }
        return s.append("}\n").toString();
    }

    /** Helpers, one per line where possible, so line numbers in javac's messages stay readable. */
    private static final String PRELUDE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "import static dev.jasyncio.Asyncio.*;",
            "@SuppressWarnings(\"all\")",
            "public class $CLASS {",
            "  public static int mode;",
            "  static int calls, ticks, sf;",
            "  static boolean z0, z1, z2, z3;",
            "  static boolean id(boolean b) { return b; }",
            "  int fld = 3; long lfld = 5L; String sfld = \"f\";",
            "  public static void reset(int m, int in) {",
            "    mode = m; calls = 0; ticks = 0; sf = in >> 4;",
            "    z0 = (in & 1) != 0; z1 = (in & 2) != 0; z2 = (in & 4) != 0; z3 = (in & 8) != 0;",
            "  }",
            "  public static final class Checked extends Exception { public Checked(String m) { super(m); } }",
            "  public static final class Unchecked extends RuntimeException { public Unchecked(String m) { super(m); } }",
            "  public static final class Res implements AutoCloseable {",
            "    final StringBuilder log; final String name;",
            "    Res(StringBuilder log, String name) { this.log = log; this.name = name; log.append(\"open \" + name + ';'); }",
            "    @Override public void close() {",
            "      log.append(\"close \" + name + ';');",
            "      if (name.startsWith(\"x\")) throw new Unchecked(\"close \" + name);",
            "    }",
            "  }",
            "  static Res open(StringBuilder log, String name) { return new Res(log, name); }",
            "  enum Color { RED, GREEN, BLUE }",
            "  static boolean fails(int k) { return k != 0 && mode == 2 && ++calls % 2 == 1; }",
            "  static Exception failure(int k, Object v) { return k == 1 ? new Unchecked(\"u\" + str(v)) : new Checked(\"c\" + str(v)); }",
            "  static void throwIt(Exception e) throws Checked { if (e instanceof Checked) throw (Checked) e; throw (Unchecked) e; }",
            "  static <T> T syn(int k, T v) throws Checked { if (fails(k)) throwIt(failure(k, v)); return v; }",
            "  static <T> Awaitable<T> awt(int k, T v) throws Checked {",
            "    boolean f = fails(k);",
            "    int t = ++ticks;",
            "    if (t % 4 == 0) {",
            "      Future<T> fut = getRunningLoop().createFuture();",
            "      Runnable done = () -> { if (f) fut.setException(failure(k, v)); else fut.setResult(v); };",
            "      if (mode == 1) done.run(); else getRunningLoop().callSoon(done);",
            "      return fut;",
            "    }",
            "    return co(f, k, v, mode != 1 && (!f || t % 2 == 0));",
            "  }",
            "  @Async static <T> Coroutine<T> co(boolean f, int k, T v, boolean pause) throws Checked {",
            "    if (pause) await(sleep(0));",
            "    if (f) throwIt(failure(k, v));",
            "    return Coroutine.of(v);",
            "  }",
            "  @Async static <T> Coroutine<T> cod(int k, T v) throws Checked {",
            "    boolean f = fails(k);",
            "    ticks++;",
            "    if (mode != 1 && (!f || ticks % 2 == 0)) await(sleep(0));",
            "    if (f) throwIt(failure(k, v));",
            "    return Coroutine.of(v);",
            "  }",
            "  @Async <T> Coroutine<T> icod(int k, T v) throws Checked { return cod(k, v); }",
            // Private and final: called on this, through their direct entries, with this live across their awaits.
            "  <T> T keep(T v) { return v; }",
            "  @Async private <T> Coroutine<T> pcod(int k, T v) throws Checked { T r = await(cod(k, v)); return Coroutine.of(keep(r)); }",
            "  @Async final <T> Coroutine<T> prec(int n, T v) throws Checked {",
            "    if (n == 0) return pcod(1, v);",
            "    return Coroutine.of(keep(await(this.prec(n - 1, v))));",
            "  }",
            "  @Async static <T> Coroutine<T> rec(int n, T v) throws Checked {",
            "    if (n == 0) return cod(1, v);",
            "    return Coroutine.of(await(rec(n - 1, v)));",
            "  }",
            "  static <T> T recSync(int n, T v) throws Checked { return syn(1, v); }",
            "  static void noop(double d) { }",
            "  static <T> CompletionStage<T> stg(int k, T v) throws Checked {",
            "    ticks++;",
            "    return fails(k) ? CompletableFuture.failedFuture(failure(k, v)) : CompletableFuture.completedFuture(v);",
            "  }",
            "  @Async static Coroutine<String> delegate(String v) { if (mode != 1) await(sleep(0)); return Coroutine.of(v); }",
            "  static int f3(int a, int b, int c) { return a * 31 + b * 7 - c; }",
            "  static long mix(long a, int b, double c, String d) { return a * 3 + b - (long) c + d.length(); }",
            "  static double dmix(double a, long b, double c) { return a * 0.5 + b - c; }",
            "  static String cat(Object a, Object b, Object c) { return str(a) + \"|\" + str(b) + \"|\" + str(c); }",
            "  static String tail(String s) { return s.isEmpty() ? s : s.substring(1); }",
            "  static String cut(String s) { return s.length() > 40 ? s.substring(0, 40) : s; }",
            "  static String str(Object o) {",
            "    if (o instanceof int[]) return java.util.Arrays.toString((int[]) o);",
            "    if (o instanceof long[]) return java.util.Arrays.toString((long[]) o);",
            "    if (o instanceof byte[]) return java.util.Arrays.toString((byte[]) o);",
            "    if (o instanceof double[]) return java.util.Arrays.toString((double[]) o);",
            "    if (o instanceof String[]) return java.util.Arrays.toString((String[]) o);",
            "    return String.valueOf(o);",
            "  }",
            "  static Unchecked fail(Object v) { return new Unchecked(\"f\" + str(v)); }",
            "  static Checked failc(Object v) { return new Checked(\"g\" + str(v)); }",
            "  static void note(StringBuilder log, long a, double b, String c) { log.append('n').append(a).append(b).append(c); }",
            "");
}
