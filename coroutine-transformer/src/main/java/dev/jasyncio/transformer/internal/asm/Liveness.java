package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which local variable slots are live (read later before being written) at each instruction: only those are saved
 * across an await. Backward data flow over normal and exception edges; an instruction covered by a handler keeps
 * alive whatever the handler reads, even a slot the instruction itself writes, since it may throw before writing.
 */
final class Liveness {

    private final BitSet[] liveIn;

    private Liveness(BitSet[] liveIn) {
        this.liveIn = liveIn;
    }

    /** Slots live just before instruction {@code index}. */
    BitSet liveBefore(int index) {
        return liveIn[index];
    }

    static Liveness of(MethodNode method) {
        InsnList insns = method.instructions;
        int n = insns.size();
        List<List<Integer>> normal = new ArrayList<>(n);
        List<List<Integer>> exceptional = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            normal.add(new ArrayList<>(2));
            exceptional.add(new ArrayList<>(1));
        }
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = insns.get(i);
            List<Integer> succ = normal.get(i);
            if (insn instanceof JumpInsnNode) {
                succ.add(insns.indexOf(((JumpInsnNode) insn).label));
                if (insn.getOpcode() != Opcodes.GOTO) {
                    succ.add(i + 1);
                }
            } else if (insn instanceof TableSwitchInsnNode) {
                TableSwitchInsnNode sw = (TableSwitchInsnNode) insn;
                succ.add(insns.indexOf(sw.dflt));
                for (LabelNode l : sw.labels) {
                    succ.add(insns.indexOf(l));
                }
            } else if (insn instanceof LookupSwitchInsnNode) {
                LookupSwitchInsnNode sw = (LookupSwitchInsnNode) insn;
                succ.add(insns.indexOf(sw.dflt));
                for (LabelNode l : sw.labels) {
                    succ.add(insns.indexOf(l));
                }
            } else if (!endsFlow(insn.getOpcode()) && i + 1 < n) {
                succ.add(i + 1);
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            int handler = insns.indexOf(tcb.handler);
            for (int i = start; i < end; i++) {
                exceptional.get(i).add(handler);
            }
        }
        List<List<Integer>> predecessors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            predecessors.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (int s : normal.get(i)) {
                predecessors.get(s).add(i);
            }
            for (int s : exceptional.get(i)) {
                predecessors.get(s).add(i);
            }
        }

        BitSet[] in = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        boolean[] queued = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            work.add(i);
            queued[i] = true;
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[i] = false;
            AbstractInsnNode insn = insns.get(i);
            BitSet out = new BitSet();
            for (int s : normal.get(i)) {
                out.or(in[s]);
            }
            int def = definedSlot(insn);
            if (def >= 0) {
                out.clear(def);
            }
            int use = usedSlot(insn);
            if (use >= 0) {
                out.set(use);
            }
            for (int s : exceptional.get(i)) {
                out.or(in[s]);
            }
            if (!out.equals(in[i])) {
                in[i] = out;
                for (int p : predecessors.get(i)) {
                    if (!queued[p]) {
                        queued[p] = true;
                        work.add(p);
                    }
                }
            }
        }
        return new Liveness(in);
    }

    private static boolean endsFlow(int opcode) {
        return opcode == Opcodes.ATHROW || opcode == Opcodes.RET
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN);
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
