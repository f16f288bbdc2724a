package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TypeFlow}, run with ASM's basic verifier on hand-built bodies: frames only where they are asked for, the
 * merged state at joins and loop heads, dead code, the deepest stack, handlers that also see the state after a
 * store in their range, and the code it refuses.
 */
class TypeFlowTest {

    @Test
    void aJoinHoldsTheMergeOfItsPathsAndOnlyTheAskedInstructionsKeepAFrame() throws AnalyzerException {
        LabelNode otherwise = new LabelNode();
        LabelNode join = new LabelNode();
        InsnNode thenStart = new InsnNode(Opcodes.ICONST_1);
        InsnNode atJoin = new InsnNode(Opcodes.ICONST_0);
        MethodNode m = method("(I)I", 3,
                new VarInsnNode(Opcodes.ILOAD, 0), new JumpInsnNode(Opcodes.IFEQ, otherwise),
                thenStart, new VarInsnNode(Opcodes.ISTORE, 1), new InsnNode(Opcodes.ICONST_2),
                new VarInsnNode(Opcodes.ISTORE, 2), new JumpInsnNode(Opcodes.GOTO, join),
                otherwise, new InsnNode(Opcodes.FCONST_0), new VarInsnNode(Opcodes.FSTORE, 1),
                new InsnNode(Opcodes.ICONST_3), new VarInsnNode(Opcodes.ISTORE, 2),
                join, atJoin, new InsnNode(Opcodes.IRETURN));

        TypeFlow.Result r = analyze(m, Set.of(atJoin)::contains);

        Frame<BasicValue> joined = r.frame(index(m, atJoin));
        assertNotNull(joined);
        assertEquals(BasicValue.INT_VALUE, joined.getLocal(0));
        assertEquals(BasicValue.UNINITIALIZED_VALUE, joined.getLocal(1), "an int on one path, a float on the other");
        assertEquals(BasicValue.INT_VALUE, joined.getLocal(2), "an int on both paths");
        assertTrue(r.reachable(index(m, thenStart)));
        assertNull(r.frame(index(m, thenStart)), "not asked for");
    }

    @Test
    void aLoopHeadKeepsTheStateAfterTheBackEdgeNotTheFirstArrival() throws AnalyzerException {
        LabelNode head = new LabelNode();
        LabelNode exit = new LabelNode();
        InsnNode atHead = new InsnNode(Opcodes.NOP);
        MethodNode m = method("(I)V", 2,
                new InsnNode(Opcodes.ICONST_0), new VarInsnNode(Opcodes.ISTORE, 1),
                head, atHead,
                new VarInsnNode(Opcodes.ILOAD, 0), new JumpInsnNode(Opcodes.IFEQ, exit),
                new InsnNode(Opcodes.FCONST_1), new VarInsnNode(Opcodes.FSTORE, 1),
                new JumpInsnNode(Opcodes.GOTO, head),
                exit, new InsnNode(Opcodes.RETURN));

        TypeFlow.Result r = analyze(m, Set.of(atHead)::contains);

        assertEquals(BasicValue.UNINITIALIZED_VALUE, r.frame(index(m, atHead)).getLocal(1),
                "an int on entry, a float after a turn: the frame must hold for both");
    }

    @Test
    void deadCodeIsNeitherReachableNorGivenAFrame() throws AnalyzerException {
        InsnNode dead = new InsnNode(Opcodes.ICONST_1);
        MethodNode m = method("()I", 0,
                new InsnNode(Opcodes.ICONST_0), new InsnNode(Opcodes.IRETURN),
                dead, new InsnNode(Opcodes.IRETURN));

        TypeFlow.Result r = analyze(m, insn -> true);

        assertTrue(r.reachable(0));
        assertNotNull(r.frame(0));
        assertFalse(r.reachable(index(m, dead)));
        assertNull(r.frame(index(m, dead)), "asked for, but never reached");
    }

    @Test
    void theDeepestStackCountsALongAsTwoSlots() throws AnalyzerException {
        MethodNode m = method("()I", 0,
                new InsnNode(Opcodes.LCONST_1), new InsnNode(Opcodes.LCONST_0), new InsnNode(Opcodes.LADD),
                new InsnNode(Opcodes.POP2), new InsnNode(Opcodes.ICONST_0), new InsnNode(Opcodes.IRETURN));

        assertEquals(4, analyze(m, insn -> false).maxStackSlots());
    }

    @Test
    void aHandlerAlsoReceivesTheLocalsAfterAStoreAtTheEndOfItsRange() throws AnalyzerException {
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnNode handlerCode = new InsnNode(Opcodes.POP);
        MethodNode m = method("()V", 2,
                new InsnNode(Opcodes.ICONST_0), new VarInsnNode(Opcodes.ISTORE, 1),
                start,
                new InsnNode(Opcodes.ACONST_NULL), new VarInsnNode(Opcodes.ASTORE, 1),
                end,
                new InsnNode(Opcodes.RETURN),
                handler, handlerCode, new InsnNode(Opcodes.RETURN));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));

        Frame<BasicValue> entry = analyze(m, Set.of(handlerCode)::contains).frame(index(m, handlerCode));

        // Before every instruction of the range, slot 1 holds an int; only after the last one does it hold a
        // reference. A frame built from the states before instructions alone would say int, and a verifier that
        // checks the handler against the state after the store would reject it.
        assertEquals(BasicValue.UNINITIALIZED_VALUE, entry.getLocal(1));
        assertEquals(1, entry.getStackSize());
        assertEquals(BasicValue.REFERENCE_VALUE, entry.getStack(0), "the caught exception, alone on the stack");
    }

    @Test
    void subroutinesAreRefused() {
        LabelNode subroutine = new LabelNode();
        MethodNode m = method("()V", 1,
                new JumpInsnNode(Opcodes.JSR, subroutine), new InsnNode(Opcodes.RETURN),
                subroutine, new VarInsnNode(Opcodes.ASTORE, 0), new VarInsnNode(Opcodes.RET, 0));

        AnalyzerException e = assertThrows(AnalyzerException.class, () -> analyze(m, insn -> false));
        assertTrue(e.getMessage().contains("jsr/ret"), e.getMessage());
    }

    @Test
    void codeThatCanFallOffTheEndIsRefused() {
        MethodNode m = method("()V", 0, new InsnNode(Opcodes.ICONST_0), new InsnNode(Opcodes.POP));

        AnalyzerException e = assertThrows(AnalyzerException.class, () -> analyze(m, insn -> false));
        assertTrue(e.getMessage().contains("fall off the end"), e.getMessage());
    }

    @Test
    void aTypeErrorIsRefusedWithThePlaceItWasFound() {
        InsnNode wrong = new InsnNode(Opcodes.IADD);
        MethodNode m = method("()I", 0,
                new InsnNode(Opcodes.ICONST_1), new InsnNode(Opcodes.FCONST_1), wrong, new InsnNode(Opcodes.IRETURN));

        AnalyzerException e = assertThrows(AnalyzerException.class, () -> analyze(m, insn -> false));
        assertTrue(e.getMessage().contains("error at instruction 2"), e.getMessage());
        assertSame(wrong, e.node);
    }

    @Test
    void anAbstractMethodHasNothingToAnalyse() throws AnalyzerException {
        MethodNode m = new MethodNode(Opcodes.ACC_ABSTRACT, "m", "()V", null, null);

        assertEquals(0, analyze(m, insn -> true).maxStackSlots());
    }

    private static TypeFlow.Result analyze(MethodNode m, Predicate<AbstractInsnNode> keep) throws AnalyzerException {
        return new TypeFlow("t/T", m, new BasicVerifier(), frame -> {
            if (frame == null) {
                return new Frame<>(m.maxLocals, m.maxStack);
            }
            Frame<BasicValue> copy = new Frame<>(frame.getLocals(), frame.getMaxStackSize());
            copy.init(frame);
            return copy;
        }, keep).run();
    }

    private static int index(MethodNode m, AbstractInsnNode insn) {
        return m.instructions.indexOf(insn);
    }

    private static MethodNode method(String desc, int maxLocals, AbstractInsnNode... code) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", desc, null, null);
        for (AbstractInsnNode i : code) {
            m.instructions.add(i);
        }
        m.maxLocals = maxLocals;
        m.maxStack = 4;
        return m;
    }
}
