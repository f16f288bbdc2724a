package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.HashSet;
import java.util.Set;

/** The labels control can arrive at other than by falling through: jump and switch targets, handler starts. */
final class JumpTargets {

    private JumpTargets() {
    }

    static Set<LabelNode> of(MethodNode m) {
        Set<LabelNode> targets = new HashSet<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode) {
                targets.add(((JumpInsnNode) i).label);
            } else if (i instanceof TableSwitchInsnNode) {
                targets.add(((TableSwitchInsnNode) i).dflt);
                targets.addAll(((TableSwitchInsnNode) i).labels);
            } else if (i instanceof LookupSwitchInsnNode) {
                targets.add(((LookupSwitchInsnNode) i).dflt);
                targets.addAll(((LookupSwitchInsnNode) i).labels);
            }
        }
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            targets.add(tcb.handler);
        }
        return targets;
    }

    /**
     * The instruction control always comes from into {@code insn}, passing over line numbers, frames and labels
     * nothing jumps to; a label in {@code targets} (or null at the start) when control may also come from elsewhere.
     */
    static AbstractInsnNode onlyWayInto(AbstractInsnNode insn, Set<LabelNode> targets) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && (p instanceof LineNumberNode || p instanceof FrameNode
                || p instanceof LabelNode && !targets.contains(p))) {
            p = p.getPrevious();
        }
        return p;
    }
}
