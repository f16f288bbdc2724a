package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Source lines of instructions, from the method's line number table: what bytecode diagnostics can point at. */
final class Lines {

    private Lines() {
    }

    /** The line of {@code insn}, or the method's first line, or 0 if the class has no line numbers. */
    static int of(AbstractInsnNode insn, MethodNode method) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode) {
                return ((LineNumberNode) p).line;
            }
        }
        return first(method);
    }

    /** The first line of {@code method}, or 0. */
    static int first(MethodNode method) {
        int min = 0;
        for (AbstractInsnNode p = method.instructions.getFirst(); p != null; p = p.getNext()) {
            if (p instanceof LineNumberNode) {
                int line = ((LineNumberNode) p).line;
                if (min == 0 || line < min) {
                    min = line;
                }
            }
        }
        return min;
    }
}
