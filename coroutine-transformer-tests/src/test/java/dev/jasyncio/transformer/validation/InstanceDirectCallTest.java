package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code await(helper(...))} on an instance async method that cannot be overridden (private, final, or in a final
 * class or record), called on {@code this}, goes through the helper's direct entry as a static method's would:
 * nothing allocated when it does not suspend, frames made on the way out when it does. Calls that may dispatch
 * elsewhere (an overridable method, an interface default) or on another object (which may be null) keep the
 * coroutine object and behave as before.
 */
class InstanceDirectCallTest {

    private static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Inst {",
            "  final String name;",
            "  int total;",
            "  public Inst(String name) { this.name = name; }",
            "  @Async private Coroutine<Integer> add(int a, int b) { return Coroutine.of(a + b); }",
            "  @Async public Coroutine<Integer> loop(int n) {",                                          // 10
            "    int acc = 0;",
            "    for (int i = 0; i < n; i++) { acc = await(add(acc & 63, 1)); }",
            "    return Coroutine.of(acc);",
            "  }",
            "  @Async public static Coroutine<Integer> loopOn(int n) { return new Inst(\"l\").loop(n); }",
            "  @Async private Coroutine<Integer> accumulate(int x, boolean pause) {",
            "    int before = total;",
            "    if (pause) await(sleep(0));",
            "    total = before + x;",
            "    return Coroutine.of(total * 10 + name.length());",                                     // 20
            "  }",
            "  @Async final Coroutine<Long> sum(int n) {",
            "    long seen = 0;",
            "    for (int i = 1; i <= n; i++) { seen += await(accumulate(i, i % 3 == 0)) + total; }",
            "    return Coroutine.of(seen);",
            "  }",
            "  @Async public static Coroutine<String> sumOn(int n) {",
            "    Inst o = new Inst(\"abc\");",
            "    long s = await(o.sum(n));",
            "    return Coroutine.of(s + \"/\" + o.total);",                                            // 30
            "  }",
            "  @Async private Coroutine<Integer> c(boolean pause) {",
            "    if (pause) await(sleep(0));",
            "    throw new IllegalStateException(name);",                                              // 34
            "  }",
            "  @Async private Coroutine<Integer> b(boolean pause) { return Coroutine.of(await(c(pause)) + 1); }", // 36
            "  @Async final Coroutine<Integer> a(boolean pause) {",
            "    int x = await(b(pause));",                                                             // 38
            "    return Coroutine.of(x);",
            "  }",                                                                                       // 40
            "  @Async public static Coroutine<Integer> failing(boolean pause) { return new Inst(\"x\").a(pause); }",
            "  @Async private Coroutine<Integer> depth(int n, boolean pauseAtBottom) {",
            "    if (n == 0) { if (pauseAtBottom) await(sleep(0)); return Coroutine.of(total); }",
            "    return Coroutine.of(await(depth(n - 1, pauseAtBottom)) + 1);",
            "  }",
            "  @Async public static Coroutine<Integer> chain(int n, boolean pause) { return new Inst(\"d\").depth(n, pause); }",
            "  @Async private Coroutine<String> tag() { await(sleep(0)); return Coroutine.of(name); }",
            "  @Async public Coroutine<String> viaOther(Inst other) {",
            "    return Coroutine.of(await(other.tag()) + \"<\" + name);",                               // 49
            "  }",                                                                                       // 50
            "  @Async public Coroutine<String> viaEither(Inst other, boolean mine) {",
            "    return Coroutine.of(await((mine ? this : other).tag()));",                             // 52
            "  }",
            "  @Async public Coroutine<String> viaCopy() { Inst self = this; return Coroutine.of(await(self.tag())); }",
            "  @Async public static Coroutine<String> other(boolean present) {",
            "    return new Inst(\"me\").viaOther(present ? new Inst(\"you\") : null);",
            "  }",
            "  @Async public static Coroutine<String> either(boolean mine) {",
            "    return new Inst(\"me\").viaEither(null, mine);",
            "  }",                                                                                       // 60
            "  @Async public static Coroutine<String> copy() { return new Inst(\"copy\").viaCopy(); }",
            "  @Async public Coroutine<String> who() { return Coroutine.of(\"base\"); }",
            "  @Async public Coroutine<String> askWho() { return Coroutine.of(await(who()) + \"!\"); }",
            "  @Async public static Coroutine<String> askSub() { return new Sub(\"s\").askWho(); }",
            "  @Async public Coroutine<Integer> inLambda() throws Exception {",
            "    AsyncSupplier<Integer> f = () -> Coroutine.of(await(add(total, 2)));",
            "    return Coroutine.of(await(f.get()) + await(add(1, 1)));",
            "  }",
            "  @Async public static Coroutine<Integer> lambdaOn() throws Exception { return new Inst(\"f\").inLambda(); }",
            "  static final class Leaf {",                                                              // 70
            "    int hits;",
            "    @Async Coroutine<Integer> hit(boolean pause) { if (pause) await(sleep(0)); return Coroutine.of(++hits); }",
            "    @Async Coroutine<Integer> run(int n) {",
            "      int last = 0;",
            "      for (int i = 0; i < n; i++) last = await(hit(i % 2 == 1));",
            "      return Coroutine.of(last * 100 + hits);",
            "    }",
            "  }",
            "  @Async public static Coroutine<Integer> leaf(int n) { return new Leaf().run(n); }",
            "  record Rec(int base) {",                                                                 // 80
            "    @Async Coroutine<Integer> plus(int x) { await(sleep(0)); return Coroutine.of(base + x); }",
            "    @Async Coroutine<Integer> twice(int x) { return Coroutine.of(await(plus(x)) + await(plus(x))); }",
            "  }",
            "  @Async public static Coroutine<Integer> rec(int x) { return new Rec(5).twice(x); }",
            "  interface Greeter {",
            "    @Async default Coroutine<String> greet() { return Coroutine.of(\"hello\"); }",
            "    @Async default Coroutine<String> greetTwice() { return Coroutine.of(await(greet()) + await(greet())); }",
            "  }",
            "  @Async public static Coroutine<String> greeter(boolean overriding) {",
            "    Greeter g = overriding ? new Greeter() {",                                             // 90
            "      @Async public Coroutine<String> greet() { await(sleep(0)); return Coroutine.of(\"hi\"); }",
            "    } : new Greeter() { };",
            "    return g.greetTwice();",
            "  }",
            "  @Async private Coroutine<String> wide(long a, double b, int n) {",
            "    if (n > 0) return Coroutine.of(name + await(wide(a + 1, b * 2, n - 1)));",
            "    await(sleep(0));",
            "    return Coroutine.of(a + \"/\" + b);",
            "  }",
            "  @Async public static Coroutine<String> wideOn(int n) { return new Inst(\"w\").wide(1L, 0.5, n); }",
            "}",
            "class Sub extends Inst {",
            "  Sub(String name) { super(name); }",
            "  @Async @Override public Coroutine<String> who() { await(sleep(0)); return Coroutine.of(\"sub\"); }",
            "}");

    private static final String VIRTUAL_TAG = "INVOKEVIRTUAL t/Inst.tag()Ldev/jasyncio/Coroutine;";
    private static final String SPECIAL_TAG = "INVOKESPECIAL t/Inst.tag()Ldev/jasyncio/Coroutine;";

    private static ValidationSupport.Loaded l;

    @BeforeAll
    static void compile() {
        l = ValidationSupport.load("t.Inst", SOURCE);
    }

    @Test
    void anAwaitedCallOnThisThatCompletesAtOnceAllocatesNothing() throws Throwable {
        double perCall = l.allocatedBytesPerCall("t.Inst", "loopOn", 200_000, 64);
        // As for static methods (DirectCallTest): a frame per call would be at least 24 bytes a call.
        assertTrue(perCall < 2.0, "allocated " + perCall + " bytes per awaited call");
    }

    @Test
    void callsOnThisOfPrivateFinalAndFinalClassMethodsGoThroughDirectEntries() {
        assertTrue(callsIn("t/Inst", "loop").contains(direct("t/Inst", "add", "II")));
        assertTrue(callsIn("t/Inst", "sum").contains(direct("t/Inst", "accumulate", "IZ")));
        assertTrue(callsIn("t/Inst", "a").contains(direct("t/Inst", "b", "Z")));
        assertTrue(callsIn("t/Inst", "viaCopy").contains(direct("t/Inst", "tag", "")));
        assertTrue(callsIn("t/Inst$Leaf", "run").contains(direct("t/Inst$Leaf", "hit", "Z")));
        assertTrue(callsIn("t/Inst$Rec", "twice").contains(direct("t/Inst$Rec", "plus", "I")));
        assertTrue(callsIn("t/Inst", "inLambda").contains(direct("t/Inst", "add", "II")));
    }

    @Test
    void callsThatMayDispatchElsewhereOrReachNullKeepTheCoroutine() {
        assertTrue(callsIn("t/Inst", "viaOther").contains(VIRTUAL_TAG));
        assertTrue(callsIn("t/Inst", "viaEither").contains(VIRTUAL_TAG));
        assertTrue(callsIn("t/Inst", "askWho").contains("INVOKEVIRTUAL t/Inst.who()Ldev/jasyncio/Coroutine;"));
        assertTrue(callsIn("t/Inst$Greeter", "greetTwice")
                .contains("INVOKEINTERFACE t/Inst$Greeter.greet()Ldev/jasyncio/Coroutine;"));
        assertNull(method("t/Inst", "who", "(Lt/Inst;Ldev/jasyncio/Task;I)Ljava/lang/Object;"));
        assertNull(method("t/Inst", "loop", "(Lt/Inst;ILdev/jasyncio/Task;I)Ljava/lang/Object;"));
    }

    @Test
    void fieldsWrittenAndReadAroundSuspensionsInTheCallee() throws Throwable {
        // total after call i is 1 + ... + i; each call returns total * 10 + 3 and the caller adds total again.
        long expected = 0;
        for (int i = 1, total = 0; i <= 10; i++) {
            total += i;
            expected += total * 10L + 3 + total;
        }
        assertEquals(expected + "/55", l.run("t.Inst", "sumOn", 10));
    }

    @Test
    void finalClassesAndRecords() throws Throwable {
        assertEquals(5 * 100 + 5, l.run("t.Inst", "leaf", 5));
        assertEquals(16, l.run("t.Inst", "rec", 3));
    }

    @Test
    void anInstanceAsyncLambdaCallsDirectlyOnTheCapturedThis() throws Throwable {
        assertEquals(4, l.run("t.Inst", "lambdaOn"));
    }

    @Test
    void recursionPastTheDepthLimitAndAHundredThousandDeep() throws Throwable {
        assertEquals(200, l.run("t.Inst", "chain", 200, false));
        assertEquals(200, l.run("t.Inst", "chain", 200, true));
        assertEquals(100_000, l.run("t.Inst", "chain", 100_000, false));
        assertEquals(100_000, l.run("t.Inst", "chain", 100_000, true));
    }

    @Test
    void wideArgumentsPastTheDepthLimit() throws Throwable {
        for (int n : new int[] {0, 3, 200}) {
            assertEquals("w".repeat(n) + (1 + n) + "/" + Math.scalb(0.5, n), l.run("t.Inst", "wideOn", n));
        }
    }

    @Test
    void exceptionsBeforeAndAfterASuspensionShowTheChainOfCalls() {
        for (boolean pause : new boolean[] {false, true}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> l.run("t.Inst", "failing", pause));
            assertEquals("x", e.getMessage());
            assertEquals(List.of("c:34", "b:36", "a:38", "failing:41"), userFrames(e), "pause " + pause);
        }
    }

    @Test
    void anOverriddenMethodStillDispatchesToTheOverride() throws Throwable {
        assertEquals("sub!", l.run("t.Inst", "askSub"));
    }

    @Test
    void anInterfaceDefaultMethodStillDispatches() throws Throwable {
        assertEquals("hihi", l.run("t.Inst", "greeter", true));
        assertEquals("hellohello", l.run("t.Inst", "greeter", false));
    }

    @Test
    void aCallOnAnotherObjectBehavesAsBefore() throws Throwable {
        assertEquals("you<me", l.run("t.Inst", "other", true));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> l.run("t.Inst", "other", false));
        assertEquals(List.of("viaOther:49"), userFrames(npe).subList(0, 1));
        assertEquals("me", l.run("t.Inst", "either", true));
        NullPointerException either = assertThrows(NullPointerException.class,
                () -> l.run("t.Inst", "either", false));
        assertEquals(List.of("viaEither:52"), userFrames(either).subList(0, 1));
        assertEquals("copy", l.run("t.Inst", "copy"));
    }

    @Test
    void classFilesOfEcjToo() throws Throwable {
        ValidationSupport.Loaded ecj = ValidationSupport.instrumentAndLoad(ValidationSupport.compileWithEcj(
                Map.of("t.Inst", SOURCE), List.of("-g", "-nowarn", "--release", "17")));
        assertTrue(calls(ecj.classes, "t/Inst", "loop").contains(direct("t/Inst", "add", "II")));
        assertTrue(calls(ecj.classes, "t/Inst", "a").contains(direct("t/Inst", "b", "Z")));
        assertTrue(calls(ecj.classes, "t/Inst$Rec", "twice").contains(direct("t/Inst$Rec", "plus", "I")));
        assertTrue(calls(ecj.classes, "t/Inst", "viaOther").contains(VIRTUAL_TAG));
        assertEquals(40, ecj.run("t.Inst", "loopOn", 1000)); // acc runs 1..64 and round again
        assertEquals(100_000, ecj.run("t.Inst", "chain", 100_000, true));
        assertEquals("sub!", ecj.run("t.Inst", "askSub"));
        assertThrows(NullPointerException.class, () -> ecj.run("t.Inst", "other", false));
        assertEquals(List.of("c:34", "b:36", "a:38", "failing:41"),
                userFrames(assertThrows(IllegalStateException.class, () -> ecj.run("t.Inst", "failing", true))));
    }

    @Test
    void privateCallsCompiledAsInvokespecialToo() throws Throwable {
        Map<String, byte[]> compiled = new java.util.LinkedHashMap<>(ValidationSupport.compile("t.Inst", SOURCE));
        compiled.replaceAll((name, bytes) -> privateCallsAsInvokespecial(bytes));
        assertTrue(calls(compiled, "t/Inst", "loop").contains("INVOKESPECIAL t/Inst.add(II)Ldev/jasyncio/Coroutine;"));
        assertTrue(calls(compiled, "t/Inst", "viaOther").contains(SPECIAL_TAG));
        ValidationSupport.Loaded old = ValidationSupport.instrumentAndLoad(compiled);
        assertTrue(calls(old.classes, "t/Inst", "loop").contains(direct("t/Inst", "add", "II")));
        assertTrue(calls(old.classes, "t/Inst", "viaOther").contains(SPECIAL_TAG));
        assertEquals(64, old.run("t.Inst", "loopOn", 200_000));
        assertEquals(100_000, old.run("t.Inst", "chain", 100_000, true));
        assertEquals("you<me", old.run("t.Inst", "other", true));
        assertThrows(NullPointerException.class, () -> old.run("t.Inst", "other", false));
    }

    /** Calls of private methods of the class itself as javac emitted them before Java 11: INVOKESPECIAL. */
    private static byte[] privateCallsAsInvokespecial(byte[] classFile) {
        ClassNode cn = new ClassNode(Opcodes.ASM9);
        new ClassReader(classFile).accept(cn, 0);
        java.util.Set<String> privates = new java.util.HashSet<>();
        for (MethodNode m : cn.methods) {
            if ((m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == Opcodes.ACC_PRIVATE) {
                privates.add(m.name + m.desc);
            }
        }
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i.getOpcode() == Opcodes.INVOKEVIRTUAL && ((MethodInsnNode) i).owner.equals(cn.name)
                        && privates.contains(((MethodInsnNode) i).name + ((MethodInsnNode) i).desc)) {
                    ((MethodInsnNode) i).setOpcode(Opcodes.INVOKESPECIAL);
                }
            }
        }
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static List<String> userFrames(Throwable e) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().equals("t.Inst")) {
                out.add(el.getMethodName() + ":" + el.getLineNumber());
            }
        }
        return out;
    }

    /** The call of a direct entry of {@code owner.name} taking {@code args} after the receiver. */
    private static String direct(String owner, String name, String args) {
        return "INVOKESTATIC " + owner + "." + name + "(L" + owner + ";" + args
                + "Ldev/jasyncio/Task;I)Ljava/lang/Object;";
    }

    /** The method calls in every generated method named {@code name} of the instrumented {@code owner}. */
    static List<String> callsIn(String owner, String name) {
        return calls(l.classes, owner, name);
    }

    static List<String> calls(Map<String, byte[]> classes, String owner, String name) {
        List<String> out = new ArrayList<>();
        for (MethodNode m : classNode(classes, owner).methods) {
            if (!m.name.equals(name) && !m.name.startsWith("lambda$" + name + "$")) {
                continue;
            }
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof MethodInsnNode) {
                    MethodInsnNode c = (MethodInsnNode) i;
                    out.add(org.objectweb.asm.util.Printer.OPCODES[c.getOpcode()] + " " + c.owner + "." + c.name
                            + c.desc);
                }
            }
        }
        return out;
    }

    private static MethodNode method(String owner, String name, String desc) {
        for (MethodNode m : classNode(l.classes, owner).methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static ClassNode classNode(Map<String, byte[]> classes, String owner) {
        ClassNode cn = new ClassNode(Opcodes.ASM9);
        new ClassReader(classes.get(owner)).accept(cn, 0);
        return cn;
    }
}
