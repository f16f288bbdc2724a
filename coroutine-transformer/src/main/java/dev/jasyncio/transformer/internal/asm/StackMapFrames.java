package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a rewritten method its stack map frames and maximum stack size from one {@link TypeAnalysis}, which is also
 * its verification: a method that comes out of {@link #compute} passed the verifier's type rules, and its frames
 * are the types that analysis found. Unreachable code is removed, as the JVM would want a frame for it.
 *
 * <p>One analysis instead of three: computing frames with ASM's {@code COMPUTE_FRAMES} in a scratch class, reading
 * it back, then analysing the written class again to check it, cost well over half of the transformer's time.
 */
final class StackMapFrames {

    /** Room on the operand stack for the first try; the rewritten code rarely needs more than the original's. */
    private static final int EXTRA_STACK = 8;

    private StackMapFrames() {
    }

    /**
     * Replaces {@code method}'s frames with computed ones and sets its {@code maxStack}; {@code maxLocals} must be
     * right already. Throws when the code breaks the verifier's rules: the method must then not be written.
     */
    static void compute(String owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        removeFrames(method);
        placeFrames(method);
        AbstractInsnNode[] code = method.instructions.toArray();
        TypeFlow.Result flow = analyze(owner, method, hierarchy);
        for (int i = 0; i < code.length; i++) {
            if (code[i] instanceof FrameNode) {
                Frame<BasicValue> frame = flow.frame(i);
                if (frame != null) {
                    fill((FrameNode) code[i], method, frame);
                } else {
                    method.instructions.remove(code[i]);
                }
            } else if (!flow.reachable(i) && code[i].getOpcode() >= 0) {
                method.instructions.remove(code[i]);
            }
        }
        method.tryCatchBlocks.removeIf(tcb -> !covers(tcb.start, tcb.end));
        dropDebugInfoOfRemovedCode(method);
        method.maxStack = flow.maxStackSlots();
    }

    /**
     * The analysis, with more room on the stack until the code fits. It keeps the frames at the placeholders, which
     * are the states before the instructions they precede.
     */
    private static TypeFlow.Result analyze(String owner, MethodNode method, ClassHierarchy hierarchy)
            throws AnalyzerException {
        int capacity = method.maxStack + EXTRA_STACK;
        while (true) {
            try {
                return TypeAnalysis.analyze(owner, method, hierarchy, capacity, insn -> insn instanceof FrameNode);
            } catch (AnalyzerException e) {
                if (!(rootCause(e) instanceof IndexOutOfBoundsException) || capacity > 0xFFFF) {
                    throw e;
                }
                capacity *= 2;
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    private static void removeFrames(MethodNode method) {
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; ) {
            AbstractInsnNode next = i.getNext();
            if (i instanceof FrameNode) {
                method.instructions.remove(i);
            }
            i = next;
        }
    }

    /**
     * An empty frame before each instruction that starts at a jump target or an exception handler: where the JVM
     * expects a stack map frame if the instruction is reachable. Several labels at one place share one frame.
     */
    private static void placeFrames(MethodNode method) {
        Set<LabelNode> targets = JumpTargets.of(method);
        boolean pending = false;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LabelNode && targets.contains(insn)) {
                pending = true;
            } else if (pending && insn.getOpcode() >= 0) {
                method.instructions.insertBefore(insn, new FrameNode(Opcodes.F_NEW, 0, null, 0, null));
                pending = false;
            }
        }
    }

    /** Whether real code lies between the two labels. */
    private static boolean covers(LabelNode start, LabelNode end) {
        for (AbstractInsnNode i = start; i != null && i != end; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Debug entries the removed code leaves pointing at nothing, which the JVM refuses: a line number after the last
     * instruction; a variable whose code was all removed; two entries that became one (a variable javac declared
     * twice, once in code now removed, would appear twice at the same place).
     */
    private static void dropDebugInfoOfRemovedCode(MethodNode method) {
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; ) {
            AbstractInsnNode next = i.getNext();
            if (i instanceof LineNumberNode && firstCode(((LineNumberNode) i).start) == null) {
                method.instructions.remove(i);
            }
            i = next;
        }
        if (method.localVariables == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        method.localVariables.removeIf(v -> !covers(v.start, v.end)
                || !seen.add(v.index + " " + v.name + " " + v.desc + " " + position(method, v.start) + " "
                        + position(method, v.end)));
    }

    /** Where the code from {@code label} on starts: the index of its first real instruction, -1 at the end. */
    private static int position(MethodNode method, LabelNode label) {
        AbstractInsnNode code = firstCode(label);
        return code == null ? -1 : method.instructions.indexOf(code);
    }

    /** The first real instruction at or after {@code label}, or null at the end of the code. */
    private static AbstractInsnNode firstCode(LabelNode label) {
        AbstractInsnNode i = label;
        while (i != null && i.getOpcode() < 0) {
            i = i.getNext();
        }
        return i;
    }

    /** Fills {@code node} with {@code frame} in the tree API's expanded form: a long or double counts once. */
    private static void fill(FrameNode node, MethodNode method, Frame<BasicValue> frame) {
        List<Object> locals = new ArrayList<>();
        int lastUsed = 0;
        for (int i = 0; i < frame.getLocals(); i++) {
            BasicValue v = frame.getLocal(i);
            locals.add(frameType(method, v));
            if (v.getType() != null) {
                lastUsed = locals.size();
            }
            if (v.getSize() == 2) {
                i++; // the second slot of a long or double is implied
            }
        }
        List<Object> stack = new ArrayList<>(frame.getStackSize());
        for (int i = 0; i < frame.getStackSize(); i++) {
            stack.add(frameType(method, frame.getStack(i)));
        }
        node.type = Opcodes.F_NEW;
        node.local = new ArrayList<>(locals.subList(0, lastUsed));
        node.stack = stack;
    }

    private static Object frameType(MethodNode method, BasicValue v) {
        if (v instanceof TypeAnalysis.Uninitialized) {
            return labelBefore(method, ((TypeAnalysis.Uninitialized) v).newInsn);
        }
        Type t = v.getType();
        if (t == null) {
            return Opcodes.TOP;
        }
        switch (t.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            case Type.ARRAY:
                return t.getDescriptor();
            case Type.OBJECT:
                return t.getInternalName().equals("null") ? Opcodes.NULL : t.getInternalName();
            default:
                // A return address: jsr/ret, which the analysis refuses before this point.
                throw new IllegalStateException("no stack map type for " + v);
        }
    }

    /** An uninitialized value is named by the label at its NEW instruction; one is added if there is none. */
    private static LabelNode labelBefore(MethodNode method, AbstractInsnNode newInsn) {
        for (AbstractInsnNode p = newInsn.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
            if (p instanceof LabelNode) {
                return (LabelNode) p;
            }
        }
        LabelNode label = new LabelNode();
        method.instructions.insertBefore(newInsn, label);
        return label;
    }
}
