package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.lang.reflect.Method;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StackMapFrames}: the frames and maximum stack it computes are what the JVM's own verifier accepts (each
 * method is loaded and run with verification on), and code that breaks the verifier's rules is refused.
 */
class StackMapFramesTest {

    private static final String OWNER = "t/Framed";

    /**
     * A store at the end of a try range changes its slot's type. The handler's frame must not claim the slot's old
     * type: HotSpot would accept that, but a verifier that checks a handler against the locals after a store would
     * not. The frames hold under both readings.
     */
    @Test
    void aHandlerAcceptsTheLocalsAfterAStoreAtTheEndOfItsRange() throws Exception {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode done = new LabelNode();
        MethodNode m = method("storeAtEnd", "()Ljava/lang/String;", 2, code(
                new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 0),
                start,
                new LdcInsnNode("x"), new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Integer", "parseInt",
                        "(Ljava/lang/String;)I"), new InsnNode(Opcodes.POP),
                new LdcInsnNode("stored"), new VarInsnNode(Opcodes.ASTORE, 0),
                end,
                new JumpInsnNode(Opcodes.GOTO, done),
                handler,
                new VarInsnNode(Opcodes.ASTORE, 1), new LdcInsnNode("caught"), new InsnNode(Opcodes.ARETURN),
                done,
                new VarInsnNode(Opcodes.ALOAD, 0), new TypeInsnNode(Opcodes.CHECKCAST, "java/lang/String"),
                new InsnNode(Opcodes.ARETURN)));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, "java/lang/NumberFormatException"));

        assertEquals("caught", run(m));
        FrameNode atHandler = (FrameNode) handler.getNext();
        assertTrue(atHandler.local.isEmpty() || atHandler.local.get(0) == Opcodes.TOP,
                "slot 0 is an int before the store and a String after it: " + atHandler.local);
    }

    @Test
    void aHandlerThatReadsALocalWhoseTypeAStoreInTheRangeChangedIsRefused() {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        MethodNode m = method("readsChanged", "()I", 2, code(
                new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 0),
                start,
                new LdcInsnNode("stored"), new VarInsnNode(Opcodes.ASTORE, 0),
                end,
                new InsnNode(Opcodes.ICONST_0), new InsnNode(Opcodes.IRETURN),
                handler,
                new InsnNode(Opcodes.POP), new VarInsnNode(Opcodes.ILOAD, 0), new InsnNode(Opcodes.IRETURN)));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));

        assertThrows(AnalyzerException.class, () -> StackMapFrames.compute(OWNER, m, hierarchy()));
    }

    @Test
    void codeThatBreaksTheTypeRulesIsRefused() {
        MethodNode m = method("broken", "()Ljava/lang/Object;", 0, code(
                new InsnNode(Opcodes.ICONST_1), new InsnNode(Opcodes.ARETURN)));
        assertThrows(AnalyzerException.class, () -> StackMapFrames.compute(OWNER, m, hierarchy()));
    }

    /** An object created by NEW crosses a branch before its constructor runs: its frames name it by its label. */
    @Test
    void anUninitializedObjectAcrossABranchAndWideValuesOnTheStack() throws Exception {
        LabelNode other = new LabelNode();
        LabelNode join = new LabelNode();
        MethodNode m = method("construct", "()Ljava/lang/String;", 2, code(
                new LdcInsnNode(2.5d), new LdcInsnNode(4L),
                new TypeInsnNode(Opcodes.NEW, "java/lang/StringBuilder"), new InsnNode(Opcodes.DUP),
                new LdcInsnNode(7L), new InsnNode(Opcodes.L2I), new JumpInsnNode(Opcodes.IFEQ, other),
                new LdcInsnNode("a"), new JumpInsnNode(Opcodes.GOTO, join),
                other,
                new LdcInsnNode("b"),
                join,
                new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>",
                        "(Ljava/lang/String;)V"),
                new VarInsnNode(Opcodes.ASTORE, 0),
                new InsnNode(Opcodes.L2D), new InsnNode(Opcodes.DADD),
                new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(D)Ljava/lang/String;"),
                new VarInsnNode(Opcodes.ALOAD, 0), new InsnNode(Opcodes.SWAP),
                new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                        "(Ljava/lang/String;)Ljava/lang/StringBuilder;"),
                new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;"),
                new InsnNode(Opcodes.ARETURN)));

        assertEquals("a6.5", run(m));
        // A double, a long, the StringBuilder and its copy, then another long: 8 slots as the JVM counts them.
        assertEquals(8, m.maxStack);
        assertTrue(countFrames(m) >= 2);
    }

    @Test
    void unreachableCodeIsRemovedAndOldFramesReplaced() throws Exception {
        LabelNode dead = new LabelNode();
        MethodNode m = method("dead", "()Ljava/lang/String;", 0, code(
                new LdcInsnNode("live"), new InsnNode(Opcodes.ARETURN),
                dead,
                new FrameNode(Opcodes.F_NEW, 1, new Object[] {Opcodes.INTEGER}, 0, new Object[0]),
                new InsnNode(Opcodes.ICONST_1), new InsnNode(Opcodes.POP),
                new LdcInsnNode("dead"), new InsnNode(Opcodes.ARETURN)));

        assertEquals("live", run(m));
        assertEquals(0, countFrames(m));
        assertEquals(3, m.instructions.size(), "the two live instructions and the label are left");
    }

    /**
     * A variable declared twice, once in code that turns out unreachable: with that code gone both entries of the
     * local variable table would start at the same place, and the JVM refuses a class that repeats an entry.
     */
    @Test
    void debugEntriesOfRemovedCodeGoWithIt() throws Exception {
        LabelNode dead = new LabelNode();
        LabelNode deadEnd = new LabelNode();
        LabelNode live = new LabelNode();
        LabelNode end = new LabelNode();
        MethodNode m = method("declaredTwice", "()Ljava/lang/String;", 1, code(
                new JumpInsnNode(Opcodes.GOTO, live),
                dead,
                new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 0),
                deadEnd,
                live,
                new LdcInsnNode("live"), new InsnNode(Opcodes.ARETURN),
                end));
        m.localVariables = new java.util.ArrayList<>(List.of(
                new org.objectweb.asm.tree.LocalVariableNode("v", "I", null, dead, end, 0),
                new org.objectweb.asm.tree.LocalVariableNode("v", "I", null, live, end, 0),
                new org.objectweb.asm.tree.LocalVariableNode("w", "I", null, dead, deadEnd, 0)));

        assertEquals("live", run(m));
        assertEquals(1, m.localVariables.size(), "one entry for v, none for w");
        assertEquals("v", m.localVariables.get(0).name);
    }

    /** Unreachable code at the end of a method, with a line of its own: no line entry may point past the code. */
    @Test
    void aLineOfRemovedCodeAtTheEndGoesWithIt() throws Exception {
        LabelNode first = new LabelNode();
        LabelNode dead = new LabelNode();
        MethodNode m = method("deadTail", "()Ljava/lang/String;", 0, code(
                first, new org.objectweb.asm.tree.LineNumberNode(10, first),
                new LdcInsnNode("live"), new InsnNode(Opcodes.ARETURN),
                dead, new org.objectweb.asm.tree.LineNumberNode(11, dead),
                new LdcInsnNode("dead"), new InsnNode(Opcodes.ARETURN)));

        assertEquals("live", run(m));
    }

    private static int countFrames(MethodNode m) {
        int frames = 0;
        for (var i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            frames += i instanceof FrameNode ? 1 : 0;
        }
        return frames;
    }

    private static InsnList code(org.objectweb.asm.tree.AbstractInsnNode... insns) {
        InsnList list = new InsnList();
        for (var i : insns) {
            list.add(i);
        }
        return list;
    }

    private static MethodNode method(String name, String desc, int maxLocals, InsnList code) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, desc, null, null);
        m.instructions = code;
        m.maxLocals = maxLocals;
        m.maxStack = 0;
        return m;
    }

    private static ClassHierarchy hierarchy() {
        ClassHierarchy h = ClassHierarchy.of(List.of());
        h.define(OWNER, classWith(null));
        return h;
    }

    /** The owner class with {@code m} (when not null), written without computing anything. */
    private static byte[] classWith(MethodNode m) {
        ClassNode cn = new ClassNode(Names.ASM_API);
        cn.version = Opcodes.V17;
        cn.access = Opcodes.ACC_PUBLIC;
        cn.name = OWNER;
        cn.superName = "java/lang/Object";
        if (m != null) {
            cn.methods.add(m);
        }
        ClassWriter cw = new ClassWriter(0);
        cn.accept(cw);
        return cw.toByteArray();
    }

    /** Computes {@code m}'s frames, loads its class with the JVM's verifier and calls it. */
    private static Object run(MethodNode m) throws Exception {
        StackMapFrames.compute(OWNER, m, hierarchy());
        byte[] bytes = classWith(m);
        Class<?> c = new ClassLoader(StackMapFramesTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(OWNER.replace('/', '.'), bytes, 0, bytes.length);
            }
        }.define();
        Method method = c.getMethod(m.name);
        return method.invoke(null);
    }
}
