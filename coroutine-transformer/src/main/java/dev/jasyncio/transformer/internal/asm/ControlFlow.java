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

import java.util.ArrayList;
import java.util.List;

/**
 * A method's code as the data flow analyses walk it: its instructions by index, where basic blocks start, where
 * control goes at the end of a block, and which handlers cover each instruction. Within a block control only
 * falls through, so an analysis needs to merge states only where blocks start.
 */
final class ControlFlow {

    private static final int[] NONE = {};

    /** The instructions, labels and line numbers included. */
    final AbstractInsnNode[] code;
    /** Whether an instruction starts a basic block: only there can control arrive from elsewhere. */
    final boolean[] blockStart;
    /** The handlers covering each instruction, null where there are none. */
    final List<TryCatchBlockNode>[] handlers;
    private final InsnList instructions;

    @SuppressWarnings("unchecked")
    ControlFlow(MethodNode method) {
        this.instructions = method.instructions;
        this.code = instructions.toArray();
        this.handlers = (List<TryCatchBlockNode>[]) new List<?>[code.length];
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int end = indexOf(tcb.end);
            for (int i = indexOf(tcb.start); i < end; i++) {
                if (handlers[i] == null) {
                    handlers[i] = new ArrayList<>(2);
                }
                handlers[i].add(tcb);
            }
        }
        this.blockStart = new boolean[code.length];
        if (code.length > 0) {
            blockStart[0] = true;
        }
        for (int i = 0; i < code.length; i++) {
            if (endsBlock(code[i])) {
                for (int s : successors(i)) {
                    if (s < code.length) {
                        blockStart[s] = true;
                    }
                }
                if (i + 1 < code.length) {
                    blockStart[i + 1] = true;
                }
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            blockStart[indexOf(tcb.handler)] = true;
        }
    }

    /** Constant time while the code is not changed: the list numbers its instructions once, on the first call. */
    int indexOf(LabelNode label) {
        return instructions.indexOf(label);
    }

    /** Whether control does anything at {@code insn} but go on to the next instruction. */
    static boolean endsBlock(AbstractInsnNode insn) {
        return insn instanceof JumpInsnNode || insn instanceof TableSwitchInsnNode
                || insn instanceof LookupSwitchInsnNode || !fallsThrough(insn.getOpcode());
    }

    /** Whether control goes on to the next instruction, and only there (labels and line numbers included). */
    static boolean fallsThrough(int opcode) {
        return opcode != Opcodes.GOTO && opcode != Opcodes.ATHROW && opcode != Opcodes.RET
                && opcode != Opcodes.JSR && opcode != Opcodes.TABLESWITCH && opcode != Opcodes.LOOKUPSWITCH
                && (opcode < Opcodes.IFEQ || opcode > Opcodes.IF_ACMPNE) && opcode != Opcodes.IFNULL
                && opcode != Opcodes.IFNONNULL && (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN);
    }

    /**
     * Where control can go from instruction {@code i} other than by an exception: the targets of a jump or switch,
     * the next instruction (which may be past the end) after a conditional jump or any instruction that falls
     * through; none after a return, a throw or a subroutine's {@code ret}.
     */
    int[] successors(int i) {
        AbstractInsnNode insn = code[i];
        if (insn instanceof JumpInsnNode) {
            int target = indexOf(((JumpInsnNode) insn).label);
            return insn.getOpcode() == Opcodes.GOTO || insn.getOpcode() == Opcodes.JSR ? new int[] {target}
                    : new int[] {i + 1, target};
        }
        if (insn instanceof TableSwitchInsnNode) {
            return switchTargets(((TableSwitchInsnNode) insn).dflt, ((TableSwitchInsnNode) insn).labels);
        }
        if (insn instanceof LookupSwitchInsnNode) {
            return switchTargets(((LookupSwitchInsnNode) insn).dflt, ((LookupSwitchInsnNode) insn).labels);
        }
        return fallsThrough(insn.getOpcode()) ? new int[] {i + 1} : NONE;
    }

    private int[] switchTargets(LabelNode dflt, List<LabelNode> cases) {
        int[] targets = new int[cases.size() + 1];
        targets[0] = indexOf(dflt);
        for (int k = 0; k < cases.size(); k++) {
            targets[k + 1] = indexOf(cases.get(k));
        }
        return targets;
    }
}
