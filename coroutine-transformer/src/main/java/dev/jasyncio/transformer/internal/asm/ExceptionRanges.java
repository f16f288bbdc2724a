package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts inserted code out of the exception ranges that contain it, keeping the table's order (inner handlers
 * first): handlers then see only the states the original code could be in, never a half-restored one.
 */
final class ExceptionRanges {

    private ExceptionRanges() {
    }

    /** Each cut is {@code [from, to)}, given as two labels in the method's code. */
    static void cut(MethodNode method, List<LabelNode[]> cuts) {
        if (cuts.isEmpty() || method.tryCatchBlocks.isEmpty()) {
            return;
        }
        InsnList insns = method.instructions;
        List<TryCatchBlockNode> result = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            List<LabelNode[]> inside = new ArrayList<>();
            for (LabelNode[] c : cuts) {
                int a = insns.indexOf(c[0]);
                if (a > start && a < end) {
                    inside.add(c);
                }
            }
            inside.sort((x, y) -> Integer.compare(insns.indexOf(x[0]), insns.indexOf(y[0])));
            LabelNode from = tcb.start;
            for (LabelNode[] c : inside) {
                addIfNotEmpty(result, tcb, from, c[0]);
                from = c[1];
            }
            addIfNotEmpty(result, tcb, from, tcb.end);
        }
        method.tryCatchBlocks = result;
    }

    private static void addIfNotEmpty(List<TryCatchBlockNode> out, TryCatchBlockNode tcb, LabelNode from,
                                      LabelNode to) {
        for (AbstractInsnNode i = from; i != null && i != to; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                TryCatchBlockNode piece = new TryCatchBlockNode(from, to, tcb.handler, tcb.type);
                piece.visibleTypeAnnotations = tcb.visibleTypeAnnotations;
                piece.invisibleTypeAnnotations = tcb.invisibleTypeAnnotations;
                out.add(piece);
                return;
            }
        }
    }
}
