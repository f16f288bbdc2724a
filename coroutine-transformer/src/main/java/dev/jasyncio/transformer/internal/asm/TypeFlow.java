package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The data flow behind {@link TypeAnalysis}: a worklist over the method's basic blocks that runs each block from
 * the frame at its start and merges the result into its successors until nothing changes, as ASM's
 * {@code Analyzer} does per instruction. Frames are kept only where blocks start and before the instructions the
 * caller asks for: copying and merging a frame at every instruction cost the analysis a third of its time.
 *
 * <p>One difference from ASM matters for the stack map frames computed from it: an exception handler also receives
 * the locals <em>after</em> a store inside its range. HotSpot checks a handler against the state before each
 * instruction only; the specification's type checker can be read to demand both, and frames that satisfy both hold
 * on any verifier. Subroutines ({@code jsr}/{@code ret}) are refused.
 */
final class TypeFlow {

    /** What the analysis found. */
    static final class Result {
        private final Frame<BasicValue>[] frames;
        private final boolean[] reachable;
        private final int maxStackSlots;

        private Result(Frame<BasicValue>[] frames, boolean[] reachable, int maxStackSlots) {
            this.frames = frames;
            this.reachable = reachable;
            this.maxStackSlots = maxStackSlots;
        }

        /** The state before instruction {@code index}, if the caller asked for it there; null when unreachable. */
        Frame<BasicValue> frame(int index) {
            return frames[index];
        }

        /** Whether execution can reach instruction {@code index}. */
        boolean reachable(int index) {
            return reachable[index];
        }

        /** The deepest operand stack before any instruction, in slots: a long or double counts two. */
        int maxStackSlots() {
            return maxStackSlots;
        }
    }

    private final MethodNode method;
    private final String owner;
    private final Interpreter<BasicValue> interpreter;
    private final Function<Frame<BasicValue>, Frame<BasicValue>> copier;
    private final ControlFlow flow;
    private final AbstractInsnNode[] code;
    /** The instructions whose frames the caller wants. */
    private final boolean[] wanted;
    /** The merged state at the start of each block reached so far. */
    private final Frame<BasicValue>[] entries;
    private final int[] queue;
    private final boolean[] queued;
    private int queueSize;
    private final Frame<BasicValue>[] kept;
    private final boolean[] reachable;
    private int maxStackSlots;

    /**
     * {@code copier} makes the frame type the analysis works with (a copy of its argument; a fresh frame of the
     * method's sizes when given null); {@code keep} selects the instructions whose frames the result holds.
     */
    @SuppressWarnings("unchecked")
    TypeFlow(String owner, MethodNode method, Interpreter<BasicValue> interpreter,
             Function<Frame<BasicValue>, Frame<BasicValue>> copier, Predicate<AbstractInsnNode> keep) {
        this.owner = owner;
        this.method = method;
        this.interpreter = interpreter;
        this.copier = copier;
        this.flow = new ControlFlow(method);
        this.code = flow.code;
        this.wanted = new boolean[code.length];
        for (int i = 0; i < code.length; i++) {
            wanted[i] = keep.test(code[i]);
        }
        this.entries = (Frame<BasicValue>[]) new Frame<?>[code.length];
        this.queue = new int[code.length];
        this.queued = new boolean[code.length];
        this.kept = (Frame<BasicValue>[]) new Frame<?>[code.length];
        this.reachable = new boolean[code.length];
    }

    Result run() throws AnalyzerException {
        if (code.length == 0 || (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return new Result(kept, reachable, 0);
        }
        merge(0, initialFrame(), null);
        // Scratch frames, reused: merge copies a frame only where it is the first to arrive.
        Frame<BasicValue> current = copier.apply(null);
        Frame<BasicValue> entry = copier.apply(null);
        while (queueSize > 0) {
            int start = queue[--queueSize];
            queued[start] = false;
            current.init(entries[start]);
            runBlock(start, current, entry);
        }
        return new Result(kept, reachable, maxStackSlots);
    }

    /** Runs the block from {@code start} on {@code current}, merging into the blocks and handlers it reaches. */
    private void runBlock(int start, Frame<BasicValue> current, Frame<BasicValue> entry) throws AnalyzerException {
        int i = start;
        while (true) {
            AbstractInsnNode insn = code[i];
            int opcode = insn.getOpcode();
            observe(i, current);
            try {
                List<TryCatchBlockNode> covering = flow.handlers[i];
                if (covering != null) {
                    for (TryCatchBlockNode handler : covering) {
                        toHandler(handler, current, entry, insn);
                    }
                }
                if (opcode >= 0) {
                    current.execute(insn, interpreter);
                    if (covering != null && isStore(opcode)) {
                        for (TryCatchBlockNode handler : covering) {
                            toHandler(handler, current, entry, insn);
                        }
                    }
                }
                if (opcode == Opcodes.JSR || opcode == Opcodes.RET) {
                    throw new AnalyzerException(insn, "jsr/ret subroutines are not supported");
                }
                if (ControlFlow.endsBlock(insn)) {
                    for (int successor : flow.successors(i)) {
                        merge(successor, current, insn);
                    }
                    return;
                }
                if (i + 1 >= code.length) {
                    throw new AnalyzerException(insn, "execution can fall off the end of the code");
                }
                if (flow.blockStart[i + 1]) {
                    merge(i + 1, current, insn);
                    return;
                }
            } catch (AnalyzerException e) {
                throw new AnalyzerException(e.node, "error at instruction " + i + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new AnalyzerException(insn, "error at instruction " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
    }

    /**
     * Notes what the caller asked for before instruction {@code i}. A block runs again whenever the state at its
     * start changes, so its last run, from the final state, leaves the final frames; states only ever widen, so
     * the stack depth and what is reachable need no such care.
     */
    private void observe(int i, Frame<BasicValue> current) {
        reachable[i] = true;
        int slots = 0;
        for (int k = 0; k < current.getStackSize(); k++) {
            slots += current.getStack(k).getSize();
        }
        maxStackSlots = Math.max(maxStackSlots, slots);
        if (wanted[i]) {
            if (kept[i] == null) {
                kept[i] = copier.apply(current);
            } else {
                kept[i].init(current);
            }
        }
    }

    /** The handler's entry state from {@code state}: its locals, and the exception alone on the stack. */
    private void toHandler(TryCatchBlockNode handler, Frame<BasicValue> state, Frame<BasicValue> entry,
                           AbstractInsnNode insn) throws AnalyzerException {
        Type caught = Type.getObjectType(handler.type == null ? "java/lang/Throwable" : handler.type);
        entry.init(state);
        entry.clearStack();
        entry.push(interpreter.newExceptionValue(handler, entry, caught));
        merge(flow.indexOf(handler.handler), entry, insn);
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    private void merge(int index, Frame<BasicValue> frame, AbstractInsnNode from) throws AnalyzerException {
        if (index >= code.length) {
            throw new AnalyzerException(from, "execution can fall off the end of the code");
        }
        boolean changed;
        if (entries[index] == null) {
            entries[index] = copier.apply(frame);
            changed = true;
        } else {
            changed = entries[index].merge(frame, interpreter);
        }
        if (changed && !queued[index]) {
            queued[index] = true;
            queue[queueSize++] = index;
        }
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
