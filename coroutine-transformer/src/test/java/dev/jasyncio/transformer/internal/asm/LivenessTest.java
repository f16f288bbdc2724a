package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Liveness}: which slots are read later, along normal and exceptional edges, around loops, and through
 * handlers that read a slot the protected code writes.
 */
class LivenessTest {

    /** A call standing for an await: the place whose live slots are asked for. */
    private static MethodInsnNode site() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, "t/T", "site", "()V", false);
    }

    @Test
    void aSlotReadAfterTheSiteIsLiveAndOneOnlyWrittenIsNot() {
        MethodInsnNode site = site();
        MethodNode m = method(
                new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 0),
                new InsnNode(Opcodes.ICONST_2), new VarInsnNode(Opcodes.ISTORE, 1),
                site,
                new InsnNode(Opcodes.ICONST_3), new VarInsnNode(Opcodes.ISTORE, 1),
                new VarInsnNode(Opcodes.ILOAD, 0), new VarInsnNode(Opcodes.ILOAD, 1), new InsnNode(Opcodes.IADD),
                new InsnNode(Opcodes.IRETURN));
        assertEquals(slots(0), liveAt(m, site));
    }

    @Test
    void aSlotReadOnTheNextTurnOfALoopIsLiveAcrossTheBackEdge() {
        MethodInsnNode site = site();
        LabelNode top = new LabelNode();
        LabelNode exit = new LabelNode();
        MethodNode m = method(
                new InsnNode(Opcodes.ICONST_0), new VarInsnNode(Opcodes.ISTORE, 0),
                new InsnNode(Opcodes.ICONST_0), new VarInsnNode(Opcodes.ISTORE, 2),
                top,
                site,
                new VarInsnNode(Opcodes.ILOAD, 0), new InsnNode(Opcodes.ICONST_5),
                new JumpInsnNode(Opcodes.IF_ICMPGE, exit),
                new IincInsnNode(0, 1),
                new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 2),
                new JumpInsnNode(Opcodes.GOTO, top),
                exit,
                new VarInsnNode(Opcodes.ILOAD, 2), new InsnNode(Opcodes.IRETURN));
        assertEquals(slots(0, 2), liveAt(m, site), "slot 2 is read after the loop, before any write on that path");
    }

    @Test
    void whatAHandlerReadsStaysLiveInItsRangeEvenBeforeAStoreToIt() {
        MethodInsnNode site = site();
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        VarInsnNode store = new VarInsnNode(Opcodes.ISTORE, 0);
        MethodNode m = method(
                new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 0),
                start,
                site,
                new InsnNode(Opcodes.ICONST_2), store,
                new InsnNode(Opcodes.ICONST_0), new InsnNode(Opcodes.IRETURN),
                end,
                handler,
                new InsnNode(Opcodes.POP), new VarInsnNode(Opcodes.ILOAD, 0), new InsnNode(Opcodes.IRETURN));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        assertEquals(slots(0), liveAt(m, site), "the site may throw into the handler, which reads slot 0");
        assertEquals(slots(0), liveAt(m, store), "the store may not happen before the throw");
        assertEquals(slots(), liveAt(m, m.instructions.getLast()), "nothing after the last read");
    }

    private static BitSet liveAt(MethodNode m, AbstractInsnNode insn) {
        return Liveness.of(m).liveBefore(m.instructions.indexOf(insn));
    }

    private static BitSet slots(int... slots) {
        BitSet set = new BitSet();
        for (int s : slots) {
            set.set(s);
        }
        return set;
    }

    private static MethodNode method(AbstractInsnNode... code) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()I", null, null);
        for (AbstractInsnNode i : code) {
            m.instructions.add(i);
        }
        m.maxLocals = 3;
        return m;
    }
}
