package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * How many monitors are held at each instruction ({@code synchronized} blocks compile to monitorenter/exit):
 * an await while one is held would carry a lock across a suspension, and is refused.
 */
final class MonitorCheck {

    private MonitorCheck() {
    }

    /** Monitor depth before each instruction; -1 where unreachable. */
    static int[] depths(MethodNode method) {
        InsnList insns = method.instructions;
        int n = insns.size();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        if (n == 0) {
            return depth;
        }
        boolean hasMonitor = false;
        for (AbstractInsnNode i = insns.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.MONITORENTER) {
                hasMonitor = true;
                break;
            }
        }
        if (!hasMonitor) {
            Arrays.fill(depth, 0);
            return depth;
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        depth[0] = 0;
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            AbstractInsnNode insn = insns.get(i);
            int d = depth[i];
            int op = insn.getOpcode();
            int after = op == Opcodes.MONITORENTER ? d + 1 : op == Opcodes.MONITOREXIT ? Math.max(0, d - 1) : d;
            if (insn instanceof JumpInsnNode) {
                flow(work, depth, insns.indexOf(((JumpInsnNode) insn).label), after);
                if (op != Opcodes.GOTO) {
                    flow(work, depth, i + 1, after);
                }
            } else if (insn instanceof TableSwitchInsnNode) {
                flow(work, depth, insns.indexOf(((TableSwitchInsnNode) insn).dflt), after);
                for (LabelNode l : ((TableSwitchInsnNode) insn).labels) {
                    flow(work, depth, insns.indexOf(l), after);
                }
            } else if (insn instanceof LookupSwitchInsnNode) {
                flow(work, depth, insns.indexOf(((LookupSwitchInsnNode) insn).dflt), after);
                for (LabelNode l : ((LookupSwitchInsnNode) insn).labels) {
                    flow(work, depth, insns.indexOf(l), after);
                }
            } else if (!(op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) && i + 1 < n) {
                flow(work, depth, i + 1, after);
            }
            for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
                if (i >= insns.indexOf(tcb.start) && i < insns.indexOf(tcb.end)) {
                    flow(work, depth, insns.indexOf(tcb.handler), d);
                    if (tcb.type == null) {
                        // A catch-any handler (a synchronized block's own, which releases the monitor and
                        // rethrows) takes every exception: the handlers after it never see one from here.
                        break;
                    }
                }
            }
        }
        return depth;
    }

    /** Deeper than any real nesting of synchronized blocks: bounds the analysis on code that never balances. */
    private static final int MAX_DEPTH = 64;

    private static void flow(ArrayDeque<Integer> work, int[] depth, int target, int d) {
        d = Math.min(d, MAX_DEPTH);
        if (target < depth.length && d > depth[target]) {
            depth[target] = d;
            work.add(target);
        }
    }
}
