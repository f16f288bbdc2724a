package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.BitSet;
import java.util.List;

/**
 * Which local variable slots are live (read later before being written) at each instruction: only those are saved
 * across an await. Backward data flow over normal and exception edges; an instruction covered by a handler keeps
 * alive whatever the handler reads, even a slot the instruction itself writes, since it may throw before writing.
 */
final class Liveness {

    private final ControlFlow flow;
    /** Slots live at the start of each block, indexed by the block's first instruction; null elsewhere. */
    private final BitSet[] liveAtStart;

    private Liveness(ControlFlow flow, BitSet[] liveAtStart) {
        this.flow = flow;
        this.liveAtStart = liveAtStart;
    }

    /** Slots live just before instruction {@code index}. */
    BitSet liveBefore(int index) {
        int start = index;
        while (!flow.blockStart[start]) {
            start--;
        }
        int end = blockEnd(flow, start);
        BitSet live = liveAfterBlock(end);
        for (int i = end; i >= index; i--) {
            step(i, live);
        }
        return live;
    }

    /**
     * Computed block by block, in reverse order of the code until nothing changes: most blocks follow their
     * predecessors, so a pass or two more than the depth of loop nesting settles it.
     */
    static Liveness of(MethodNode method) {
        ControlFlow flow = new ControlFlow(method);
        int n = flow.code.length;
        BitSet[] atStart = new BitSet[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            if (flow.blockStart[i]) {
                atStart[i] = new BitSet();
                ends[i] = blockEnd(flow, i);
            }
        }
        Liveness liveness = new Liveness(flow, atStart);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int start = n - 1; start >= 0; start--) {
                if (atStart[start] == null) {
                    continue;
                }
                BitSet live = liveness.liveAfterBlock(ends[start]);
                for (int i = ends[start]; i >= start; i--) {
                    liveness.step(i, live);
                }
                if (!live.equals(atStart[start])) {
                    atStart[start] = live;
                    changed = true;
                }
            }
        }
        return liveness;
    }

    /** The last instruction of the block starting at {@code start}. */
    private static int blockEnd(ControlFlow flow, int start) {
        int i = start;
        while (!ControlFlow.endsBlock(flow.code[i]) && i + 1 < flow.code.length && !flow.blockStart[i + 1]) {
            i++;
        }
        return i;
    }

    /** What the successors of the block ending at {@code end} read. */
    private BitSet liveAfterBlock(int end) {
        BitSet live = new BitSet();
        for (int s : flow.successors(end)) {
            if (s < liveAtStart.length && liveAtStart[s] != null) {
                live.or(liveAtStart[s]);
            }
        }
        return live;
    }

    /**
     * From the slots live after instruction {@code i} to those live before it. Whatever a handler covering it reads
     * stays live, even a slot the instruction writes, since it may throw before writing.
     */
    private void step(int i, BitSet live) {
        AbstractInsnNode insn = flow.code[i];
        int def = definedSlot(insn);
        if (def >= 0) {
            live.clear(def);
        }
        int use = usedSlot(insn);
        if (use >= 0) {
            live.set(use);
        }
        List<TryCatchBlockNode> handlers = flow.handlers[i];
        if (handlers != null) {
            for (TryCatchBlockNode h : handlers) {
                BitSet read = liveAtStart[flow.indexOf(h.handler)];
                if (read != null) {
                    live.or(read);
                }
            }
        }
    }

    private static int usedSlot(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (insn instanceof VarInsnNode && (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD || op == Opcodes.RET)) {
            return ((VarInsnNode) insn).var;
        }
        if (insn instanceof IincInsnNode) {
            return ((IincInsnNode) insn).var;
        }
        return -1;
    }

    private static int definedSlot(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (insn instanceof VarInsnNode && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            return ((VarInsnNode) insn).var;
        }
        return -1;
    }
}
