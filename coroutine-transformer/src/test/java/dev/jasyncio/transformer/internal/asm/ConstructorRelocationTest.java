package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ConstructorRelocation} on hand-built bodies of {@code static Object m(Awaitable a)}: an allocation whose
 * uninitialized object would be on the stack at an await moves after the arguments, which wait in fresh slots; a
 * class with a static initializer is still initialized where the allocation was.
 */
class ConstructorRelocationTest {

    private static final String OWNER = "t/T";
    /** A class without a static initializer. */
    private static final String PLAIN = "t/Plain";
    /** A class with one: initializing it is observable. */
    private static final String INITIALIZED = "t/Initialized";

    @Test
    void anAllocationAcrossAnAwaitMovesAfterItsArguments() throws AnalyzerException {
        MethodNode m = method(
                new TypeInsnNode(Opcodes.NEW, PLAIN), new InsnNode(Opcodes.DUP),
                new VarInsnNode(Opcodes.ALOAD, 0), await(), new TypeInsnNode(Opcodes.CHECKCAST, "java/lang/String"),
                constructor(PLAIN, "(Ljava/lang/String;)V"),
                new InsnNode(Opcodes.ARETURN));

        assertTrue(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(List.of(
                "ALOAD 0",
                "INVOKESTATIC dev/jasyncio/Asyncio.await (Ldev/jasyncio/Awaitable;)Ljava/lang/Object;",
                "CHECKCAST java/lang/String",
                "ASTORE 1",
                "NEW t/Plain",
                "DUP",
                "ALOAD 1",
                "INVOKESPECIAL t/Plain.<init> (Ljava/lang/String;)V",
                "ARETURN"), code(m));
        assertEquals(2, m.maxLocals, "one fresh slot for the argument");
        assertNoUninitializedObjectAtAnAwait(m);
    }

    @Test
    void argumentsOfEveryWidthWaitInFreshSlotsInTheirOrder() throws AnalyzerException {
        MethodNode m = method(
                new TypeInsnNode(Opcodes.NEW, PLAIN), new InsnNode(Opcodes.DUP),
                new LdcInsnNode(5L),
                new VarInsnNode(Opcodes.ALOAD, 0), await(),
                new InsnNode(Opcodes.ICONST_1),
                constructor(PLAIN, "(JLjava/lang/Object;I)V"),
                new InsnNode(Opcodes.ARETURN));

        assertTrue(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(List.of(
                "LDC 5L",
                "ALOAD 0",
                "INVOKESTATIC dev/jasyncio/Asyncio.await (Ldev/jasyncio/Awaitable;)Ljava/lang/Object;",
                "ICONST_1",
                "ISTORE 4",
                "ASTORE 3",
                "LSTORE 1",
                "NEW t/Plain",
                "DUP",
                "LLOAD 1",
                "ALOAD 3",
                "ILOAD 4",
                "INVOKESPECIAL t/Plain.<init> (JLjava/lang/Object;I)V",
                "ARETURN"), code(m));
        assertEquals(5, m.maxLocals, "a long takes two slots");
        assertNoUninitializedObjectAtAnAwait(m);
    }

    @Test
    void aClassWithAStaticInitializerIsStillInitializedWhereItWasAllocated() throws AnalyzerException {
        MethodNode m = method(
                new TypeInsnNode(Opcodes.NEW, INITIALIZED), new InsnNode(Opcodes.DUP),
                new VarInsnNode(Opcodes.ALOAD, 0), await(),
                constructor(INITIALIZED, "(Ljava/lang/Object;)V"),
                new InsnNode(Opcodes.ARETURN));

        assertTrue(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(List.of(
                "LDC Lt/Initialized;.class",
                "INVOKESTATIC dev/jasyncio/internal/AsyncSupport.initialize (Ljava/lang/Class;)V",
                "ALOAD 0",
                "INVOKESTATIC dev/jasyncio/Asyncio.await (Ldev/jasyncio/Awaitable;)Ljava/lang/Object;",
                "ASTORE 1",
                "NEW t/Initialized",
                "DUP",
                "ALOAD 1",
                "INVOKESPECIAL t/Initialized.<init> (Ljava/lang/Object;)V",
                "ARETURN"), code(m));
    }

    @Test
    void anAllocationWithoutDupAsEcjWritesItForAnUnusedObjectStaysWithoutOne() throws AnalyzerException {
        MethodNode m = method(
                new TypeInsnNode(Opcodes.NEW, PLAIN),
                new VarInsnNode(Opcodes.ALOAD, 0), await(),
                constructor(PLAIN, "(Ljava/lang/Object;)V"),
                new InsnNode(Opcodes.ACONST_NULL), new InsnNode(Opcodes.ARETURN));

        assertTrue(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(List.of(
                "ALOAD 0",
                "INVOKESTATIC dev/jasyncio/Asyncio.await (Ldev/jasyncio/Awaitable;)Ljava/lang/Object;",
                "ASTORE 1",
                "NEW t/Plain",
                "ALOAD 1",
                "INVOKESPECIAL t/Plain.<init> (Ljava/lang/Object;)V",
                "ACONST_NULL",
                "ARETURN"), code(m));
    }

    @Test
    void anAllocationThatDoesNotSpanAnAwaitIsLeftAlone() throws AnalyzerException {
        MethodNode m = method(
                new VarInsnNode(Opcodes.ALOAD, 0), await(), new VarInsnNode(Opcodes.ASTORE, 0),
                new TypeInsnNode(Opcodes.NEW, PLAIN), new InsnNode(Opcodes.DUP), new VarInsnNode(Opcodes.ALOAD, 0),
                constructor(PLAIN, "(Ljava/lang/Object;)V"),
                new InsnNode(Opcodes.ARETURN));
        List<String> before = code(m);

        assertFalse(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(before, code(m));
        assertEquals(1, m.maxLocals);
    }

    /**
     * javac's shape around a switch expression with a try: the new object and its copy are spilled into locals
     * ({@code NEW; DUP; ASTORE; ASTORE}) and loaded back right before the argument. The moves go, the allocation
     * comes right before the constructor call.
     */
    @Test
    void anAllocationSpilledIntoLocalsMovesToItsConstructorCall() throws AnalyzerException {
        MethodNode m = method(
                new TypeInsnNode(Opcodes.NEW, PLAIN), new InsnNode(Opcodes.DUP),
                new VarInsnNode(Opcodes.ASTORE, 1), new VarInsnNode(Opcodes.ASTORE, 2),
                new VarInsnNode(Opcodes.ALOAD, 0), await(), new VarInsnNode(Opcodes.ASTORE, 3),
                new VarInsnNode(Opcodes.ALOAD, 2), new VarInsnNode(Opcodes.ALOAD, 1), new VarInsnNode(Opcodes.ALOAD, 3),
                constructor(PLAIN, "(Ljava/lang/Object;)V"),
                new InsnNode(Opcodes.ARETURN));
        m.maxLocals = 4;

        assertTrue(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(List.of(
                "ALOAD 0",
                "INVOKESTATIC dev/jasyncio/Asyncio.await (Ldev/jasyncio/Awaitable;)Ljava/lang/Object;",
                "ASTORE 3",
                "ALOAD 3",
                "ASTORE 4",
                "NEW t/Plain",
                "DUP",
                "ALOAD 4",
                "INVOKESPECIAL t/Plain.<init> (Ljava/lang/Object;)V",
                "ARETURN"), code(m));
        assertNoUninitializedObjectAtAnAwait(m);
    }

    /** A spilled object used some other way than moved (here swapped under a value) is a shape left as it is. */
    @Test
    void aSpilledAllocationUsedOtherwiseIsLeftAlone() throws AnalyzerException {
        MethodNode m = method(
                new TypeInsnNode(Opcodes.NEW, PLAIN), new InsnNode(Opcodes.DUP),
                new VarInsnNode(Opcodes.ASTORE, 1), new VarInsnNode(Opcodes.ASTORE, 2),
                new VarInsnNode(Opcodes.ALOAD, 0), await(),
                new VarInsnNode(Opcodes.ALOAD, 2), new InsnNode(Opcodes.SWAP), new InsnNode(Opcodes.POP),
                new VarInsnNode(Opcodes.ALOAD, 1), new InsnNode(Opcodes.ACONST_NULL),
                constructor(PLAIN, "(Ljava/lang/Object;)V"),
                new InsnNode(Opcodes.ARETURN));
        m.maxLocals = 3;
        List<String> before = code(m);

        assertFalse(ConstructorRelocation.relocate(OWNER, m, analyze(m), hierarchy()));

        assertEquals(before, code(m));
    }

    /** What the relocation is for: after it, no await has an object under construction on its stack or in a local. */
    private static void assertNoUninitializedObjectAtAnAwait(MethodNode m) throws AnalyzerException {
        TypeFlow.Result r = analyze(m);
        int index = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
            Frame<BasicValue> f = r.frame(index);
            if (f != null && insn instanceof MethodInsnNode && ((MethodInsnNode) insn).name.equals("await")) {
                for (int i = 0; i < f.getStackSize(); i++) {
                    assertFalse(f.getStack(i) instanceof TypeAnalysis.Uninitialized, "at the await: " + f);
                }
                for (int i = 0; i < f.getLocals(); i++) {
                    assertFalse(f.getLocal(i) instanceof TypeAnalysis.Uninitialized, "at the await: " + f);
                }
            }
        }
    }

    private static TypeFlow.Result analyze(MethodNode m) throws AnalyzerException {
        return TypeAnalysis.analyze(OWNER, m, hierarchy(), insn -> true);
    }

    private static ClassHierarchy hierarchy() {
        ClassHierarchy h = ClassHierarchy.of(List.of());
        h.define(classNode(PLAIN, false));
        h.define(classNode(INITIALIZED, true));
        h.define(classNode(OWNER, false));
        return h;
    }

    private static ClassNode classNode(String name, boolean staticInitializer) {
        ClassNode c = new ClassNode();
        c.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        if (staticInitializer) {
            c.methods.add(new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null));
        }
        return c;
    }

    private static MethodInsnNode await() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNCIO, Names.AWAIT, Names.AWAIT_AWAITABLE_DESC, false);
    }

    private static MethodInsnNode constructor(String owner, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESPECIAL, owner, "<init>", desc, false);
    }

    /** {@code static Object m(Awaitable a)} of {@code t/T}. */
    private static MethodNode method(AbstractInsnNode... code) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(Ldev/jasyncio/Awaitable;)Ljava/lang/Object;", null,
                null);
        for (AbstractInsnNode i : code) {
            m.instructions.add(i);
        }
        m.maxLocals = 1;
        m.maxStack = 6;
        return m;
    }

    /** The instructions as ASM's textifier prints them, one per element. */
    private static List<String> code(MethodNode m) {
        Textifier text = new Textifier();
        TraceMethodVisitor trace = new TraceMethodVisitor(text);
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            insn.accept(trace);
        }
        StringWriter out = new StringWriter();
        text.print(new PrintWriter(out));
        return out.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
