package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReceiverAnalysis} on hand-built bodies of {@code class T { void body(T other) }}: a call is on {@code this}
 * only when its receiver is certainly slot 0's value on entry, however it travelled there.
 */
class ReceiverAnalysisTest {

    private static final String OWNER = "t/T";

    /** {@code T.run()}, a call with no arguments. */
    private static MethodInsnNode run() {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, OWNER, "run", "()V", false);
    }

    /** {@code T.take(T, long)}, a call whose receiver sits below two arguments, one of them two slots wide. */
    private static MethodInsnNode take() {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, OWNER, "take", "(Lt/T;J)V", false);
    }

    @Test
    void aCallOnSlotZeroIsOnThisAndACallOnAnotherObjectIsNot() throws AnalyzerException {
        MethodInsnNode onThis = run();
        MethodInsnNode onOther = run();
        MethodNode m = instanceMethod(
                new VarInsnNode(Opcodes.ALOAD, 0), onThis,
                new VarInsnNode(Opcodes.ALOAD, 1), onOther,
                new InsnNode(Opcodes.RETURN));

        ReceiverAnalysis a = ReceiverAnalysis.of(OWNER, m);

        assertTrue(a.onThis(onThis));
        assertFalse(a.onThis(onOther));
    }

    @Test
    void theReceiverIsFollowedThroughStoresLoadsAndDups() throws AnalyzerException {
        MethodInsnNode first = run();
        MethodInsnNode second = run();
        MethodNode m = instanceMethod(
                new VarInsnNode(Opcodes.ALOAD, 0), new VarInsnNode(Opcodes.ASTORE, 2),
                new VarInsnNode(Opcodes.ALOAD, 2), new InsnNode(Opcodes.DUP), first, second,
                new InsnNode(Opcodes.RETURN));

        ReceiverAnalysis a = ReceiverAnalysis.of(OWNER, m);

        assertTrue(a.onThis(first), "the copy DUP made");
        assertTrue(a.onThis(second), "the value loaded from the slot this was stored in");
    }

    @Test
    void theReceiverIsFoundBelowTheArgumentsAndThisAsAnArgumentDoesNotCount() throws AnalyzerException {
        MethodInsnNode thisReceives = take();
        MethodInsnNode otherReceives = take();
        MethodNode m = instanceMethod(
                new VarInsnNode(Opcodes.ALOAD, 0), new VarInsnNode(Opcodes.ALOAD, 1), new InsnNode(Opcodes.LCONST_0),
                thisReceives,
                new VarInsnNode(Opcodes.ALOAD, 1), new VarInsnNode(Opcodes.ALOAD, 0), new InsnNode(Opcodes.LCONST_0),
                otherReceives,
                new InsnNode(Opcodes.RETURN));

        ReceiverAnalysis a = ReceiverAnalysis.of(OWNER, m);

        assertTrue(a.onThis(thisReceives));
        assertFalse(a.onThis(otherReceives), "this is the argument there, not the receiver");
    }

    @Test
    void slotZeroOverwrittenNoLongerHoldsThis() throws AnalyzerException {
        MethodInsnNode call = run();
        MethodNode m = instanceMethod(
                new VarInsnNode(Opcodes.ALOAD, 1), new VarInsnNode(Opcodes.ASTORE, 0),
                new VarInsnNode(Opcodes.ALOAD, 0), call,
                new InsnNode(Opcodes.RETURN));

        assertFalse(ReceiverAnalysis.of(OWNER, m).onThis(call));
    }

    @Test
    void aMergeOfThisWithAnotherValueIsNotThisButThisKeptAroundALoopIs() throws AnalyzerException {
        LabelNode useOther = new LabelNode();
        LabelNode join = new LabelNode();
        LabelNode loop = new LabelNode();
        MethodInsnNode afterMerge = run();
        MethodInsnNode inLoop = run();
        MethodNode m = instanceMethod(
                new VarInsnNode(Opcodes.ALOAD, 1), new JumpInsnNode(Opcodes.IFNULL, useOther),
                new VarInsnNode(Opcodes.ALOAD, 0), new JumpInsnNode(Opcodes.GOTO, join),
                useOther, new VarInsnNode(Opcodes.ALOAD, 1),
                join, afterMerge,
                loop, new VarInsnNode(Opcodes.ALOAD, 0), inLoop,
                new VarInsnNode(Opcodes.ALOAD, 1), new JumpInsnNode(Opcodes.IFNONNULL, loop),
                new InsnNode(Opcodes.RETURN));

        ReceiverAnalysis a = ReceiverAnalysis.of(OWNER, m);

        assertFalse(a.onThis(afterMerge), "this on one path, the argument on the other");
        assertTrue(a.onThis(inLoop), "slot 0 is never written: this on every turn");
    }

    @Test
    void aStaticMethodAndUnreachableCallsHaveNoReceiverToSpeakOf() throws AnalyzerException {
        MethodInsnNode inStatic = run();
        MethodNode staticMethod = new MethodNode(Opcodes.ACC_STATIC, "body", "(Lt/T;)V", null, null);
        staticMethod.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        staticMethod.instructions.add(inStatic);
        staticMethod.instructions.add(new InsnNode(Opcodes.RETURN));
        staticMethod.maxLocals = 1;
        staticMethod.maxStack = 1;
        assertFalse(ReceiverAnalysis.of(OWNER, staticMethod).onThis(inStatic), "slot 0 is an argument there");

        MethodInsnNode dead = run();
        MethodNode m = instanceMethod(
                new InsnNode(Opcodes.RETURN),
                new VarInsnNode(Opcodes.ALOAD, 0), dead, new InsnNode(Opcodes.RETURN));
        assertFalse(ReceiverAnalysis.of(OWNER, m).onThis(dead));
    }

    /** {@code void body(T other)} of {@code t/T}: this in slot 0, the argument in 1, a spare slot 2. */
    private static MethodNode instanceMethod(AbstractInsnNode... code) {
        MethodNode m = new MethodNode(0, "body", "(Lt/T;)V", null, null);
        for (AbstractInsnNode i : code) {
            m.instructions.add(i);
        }
        m.maxLocals = 3;
        m.maxStack = 4;
        return m;
    }
}
