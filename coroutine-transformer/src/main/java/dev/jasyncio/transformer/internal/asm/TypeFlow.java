package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data flow behind {@link TypeAnalysis}: a worklist over the instructions that merges the frame after each
 * instruction into its successors until nothing changes, as ASM's {@code Analyzer} does, with one difference that
 * matters for the stack map frames computed from it: an exception handler also receives the locals <em>after</em>
 * a store inside its range. HotSpot checks a handler against the state before each instruction only; the
 * specification's type checker can be read to demand both, and frames that satisfy both hold on any verifier.
 * Subroutines ({@code jsr}/{@code ret}) are refused.
 */
final class TypeFlow {

    private final MethodNode method;
    private final String owner;
    private final Interpreter<BasicValue> interpreter;
    private final Function<Frame<BasicValue>, Frame<BasicValue>> copier;
    private final AbstractInsnNode[] code;
    /** Where each label is: built once, as InsnList's own index costs a pass over the list per change. */
    private final Map<LabelNode, Integer> labels = new HashMap<>();
    private final Frame<BasicValue>[] frames;
    private final int[] queue;
    private final boolean[] queued;
    private int queueSize;

    /**
     * {@code copier} makes the frame type the analysis works with (a copy of its argument; a fresh frame of the
     * method's sizes when given null).
     */
    @SuppressWarnings("unchecked")
    TypeFlow(String owner, MethodNode method, Interpreter<BasicValue> interpreter,
             Function<Frame<BasicValue>, Frame<BasicValue>> copier) {
        this.owner = owner;
        this.method = method;
        this.interpreter = interpreter;
        this.copier = copier;
        this.code = method.instructions.toArray();
        for (int i = 0; i < code.length; i++) {
            if (code[i] instanceof LabelNode) {
                labels.put((LabelNode) code[i], i);
            }
        }
        this.frames = (Frame<BasicValue>[]) new Frame<?>[code.length];
        this.queue = new int[code.length];
        this.queued = new boolean[code.length];
    }

    /** One frame per instruction, the state before it; null for unreachable code. */
    Frame<BasicValue>[] run() throws AnalyzerException {
        if (code.length == 0 || (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return frames;
        }
        List<TryCatchBlockNode>[] handlers = handlersByInstruction();
        merge(0, initialFrame(), null);
        // Scratch frames, reused: merge copies a frame only where it is the first to arrive.
        Frame<BasicValue> after = copier.apply(null);
        Frame<BasicValue> entry = copier.apply(null);
        while (queueSize > 0) {
            int i = queue[--queueSize];
            queued[i] = false;
            Frame<BasicValue> before = frames[i];
            AbstractInsnNode insn = code[i];
            try {
                int opcode = insn.getOpcode();
                if (opcode < 0) {
                    // A label, line number or frame: nothing happens.
                    merge(i + 1, before, insn);
                } else {
                    after.init(before);
                    after.execute(insn, interpreter);
                    flowOn(i, insn, opcode, after);
                }
                if (handlers[i] != null) {
                    for (TryCatchBlockNode handler : handlers[i]) {
                        toHandler(handler, before, entry, insn);
                        if (isStore(opcode)) {
                            toHandler(handler, after, entry, insn);
                        }
                    }
                }
            } catch (AnalyzerException e) {
                throw new AnalyzerException(e.node, "error at instruction " + i + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new AnalyzerException(insn, "error at instruction " + i + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    private void flowOn(int i, AbstractInsnNode insn, int opcode, Frame<BasicValue> after)
            throws AnalyzerException {
        if (insn instanceof JumpInsnNode) {
            if (opcode == Opcodes.JSR) {
                throw new AnalyzerException(insn, "jsr/ret subroutines are not supported");
            }
            if (opcode != Opcodes.GOTO) {
                merge(i + 1, after, insn);
            }
            merge(indexOf(((JumpInsnNode) insn).label), after, insn);
        } else if (insn instanceof TableSwitchInsnNode) {
            TableSwitchInsnNode s = (TableSwitchInsnNode) insn;
            merge(indexOf(s.dflt), after, insn);
            for (LabelNode l : s.labels) {
                merge(indexOf(l), after, insn);
            }
        } else if (insn instanceof LookupSwitchInsnNode) {
            LookupSwitchInsnNode s = (LookupSwitchInsnNode) insn;
            merge(indexOf(s.dflt), after, insn);
            for (LabelNode l : s.labels) {
                merge(indexOf(l), after, insn);
            }
        } else if (opcode == Opcodes.RET) {
            throw new AnalyzerException(insn, "jsr/ret subroutines are not supported");
        } else if (opcode != Opcodes.ATHROW && (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN)) {
            merge(i + 1, after, insn);
        }
    }

    /** The handler's entry state from {@code state}: its locals, and the exception alone on the stack. */
    private void toHandler(TryCatchBlockNode handler, Frame<BasicValue> state, Frame<BasicValue> entry,
                           AbstractInsnNode insn) throws AnalyzerException {
        Type caught = Type.getObjectType(handler.type == null ? "java/lang/Throwable" : handler.type);
        entry.init(state);
        entry.clearStack();
        entry.push(interpreter.newExceptionValue(handler, entry, caught));
        merge(indexOf(handler.handler), entry, insn);
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    private void merge(int index, Frame<BasicValue> frame, AbstractInsnNode from) throws AnalyzerException {
        if (index >= code.length) {
            throw new AnalyzerException(from, "execution can fall off the end of the code");
        }
        boolean changed;
        if (frames[index] == null) {
            frames[index] = copier.apply(frame);
            changed = true;
        } else {
            changed = frames[index].merge(frame, interpreter);
        }
        if (changed && !queued[index]) {
            queued[index] = true;
            queue[queueSize++] = index;
        }
    }

    private int indexOf(LabelNode label) {
        return labels.get(label);
    }

    @SuppressWarnings("unchecked")
    private List<TryCatchBlockNode>[] handlersByInstruction() {
        List<TryCatchBlockNode>[] handlers = (List<TryCatchBlockNode>[]) new List<?>[code.length];
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int end = indexOf(tcb.end);
            for (int i = indexOf(tcb.start); i < end; i++) {
                if (handlers[i] == null) {
                    handlers[i] = new ArrayList<>();
                }
                handlers[i].add(tcb);
            }
        }
        return handlers;
    }

    /** {@code this} and the parameters, then empty locals; the return type, which returns are checked against. */
    private Frame<BasicValue> initialFrame() {
        Frame<BasicValue> frame = copier.apply(null);
        boolean instance = (method.access & Opcodes.ACC_STATIC) == 0;
        int local = 0;
        if (instance) {
            frame.setLocal(local, interpreter.newParameterValue(true, local, Type.getObjectType(owner)));
            local++;
        }
        for (Type argument : Type.getArgumentTypes(method.desc)) {
            frame.setLocal(local, interpreter.newParameterValue(instance, local, argument));
            local++;
            if (argument.getSize() == 2) {
                frame.setLocal(local, interpreter.newEmptyValue(local));
                local++;
            }
        }
        while (local < method.maxLocals) {
            frame.setLocal(local, interpreter.newEmptyValue(local));
            local++;
        }
        frame.setReturn(interpreter.newReturnTypeValue(Type.getReturnType(method.desc)));
        return frame;
    }
}
