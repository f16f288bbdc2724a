package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link ConstructorRelocation} for an allocation whose uninitialized object is kept in local variables across an
 * await. javac does this for {@code new Box(switch (k) { ... default -> { try { yield await(x); } finally { ... } } })}:
 * the operand stack is spilled into locals before the switch ({@code NEW; DUP; ASTORE a; ASTORE b}) and each branch
 * reloads it before its value ({@code ALOAD b; ALOAD a; value; GOTO}) on the way to the constructor call.
 *
 * <p>Every move of the object (the {@code NEW}, its {@code DUP}s, stores, loads and pops) is removed, and the
 * object is allocated right before the constructor call instead, below the arguments, as many times duplicated as
 * it was there. Any other use of the uninitialized object, or copies of it not right below the arguments, is a
 * shape this does not know: nothing is changed, and the caller reports the await.
 */
final class SpilledAllocation {

    private SpilledAllocation() {
    }

    /** Relocates the allocations {@code news}; false, with the method unchanged, if one has an unknown shape. */
    static boolean relocate(String owner, MethodNode method, Set<AbstractInsnNode> news, ClassHierarchy hierarchy)
            throws AnalyzerException {
        // States before every instruction: moves of the object are told apart by what they move.
        TypeFlow.Result all = TypeAnalysis.analyze(owner, method, hierarchy, insn -> true);
        InsnList insns = method.instructions;
        List<Plan> plans = new ArrayList<>();
        for (AbstractInsnNode newInsn : news) {
            Plan plan = plan(newInsn, insns, all);
            if (plan == null) {
                return false;
            }
            plans.add(plan);
        }
        for (Plan plan : plans) {
            apply(method, plan, hierarchy);
        }
        return true;
    }

    /** What to remove for one allocation, and where it is constructed. */
    private static final class Plan {
        final TypeInsnNode newInsn;
        final List<AbstractInsnNode> moves = new ArrayList<>();
        MethodInsnNode constructor;
        /** Copies of the object on the stack at the constructor call, the receiver included. */
        int copies;

        Plan(TypeInsnNode newInsn) {
            this.newInsn = newInsn;
        }
    }

    private static Plan plan(AbstractInsnNode newInsn, InsnList insns, TypeFlow.Result all) {
        Plan plan = new Plan((TypeInsnNode) newInsn);
        int index = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext(), index++) {
            Frame<BasicValue> f = all.frame(index);
            if (f == null || insn.getOpcode() < 0) {
                continue;
            }
            int top = f.getStackSize() - 1;
            boolean topIsIt = top >= 0 && isIt(f.getStack(top), newInsn);
            switch (insn.getOpcode()) {
                case Opcodes.NEW -> {
                    if (insn == newInsn) {
                        plan.moves.add(insn);
                    }
                }
                case Opcodes.DUP, Opcodes.ASTORE, Opcodes.POP -> {
                    if (topIsIt) {
                        plan.moves.add(insn);
                    }
                }
                case Opcodes.ALOAD -> {
                    if (isIt(f.getLocal(((VarInsnNode) insn).var), newInsn)) {
                        plan.moves.add(insn);
                    }
                }
                case Opcodes.INVOKESPECIAL -> {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    int args = Type.getArgumentTypes(call.desc).length;
                    if (call.name.equals("<init>") && isIt(f.getStack(top - args), newInsn)) {
                        if (plan.constructor != null && plan.constructor != call) {
                            return null;
                        }
                        plan.constructor = call;
                        int copies = 0;
                        while (top - args - copies >= 0 && isIt(f.getStack(top - args - copies), newInsn)) {
                            copies++;
                        }
                        for (int i = 0; i <= top - args - copies; i++) {
                            if (isIt(f.getStack(i), newInsn)) {
                                return null; // a copy deeper in the stack: not a compiler's shape
                            }
                        }
                        plan.copies = copies;
                    } else if (stackHolds(f, newInsn, top, args + 1)) {
                        return null;
                    }
                }
                default -> {
                    if (topIsIt && !leavesTheStack(insn.getOpcode())) {
                        return null; // used some other way
                    }
                }
            }
        }
        return plan.constructor == null ? null : plan;
    }

    /** Instructions that only push, or jump: what is on the stack stays as it is. */
    private static boolean leavesTheStack(int opcode) {
        return opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.ALOAD || opcode == Opcodes.GETSTATIC
                || opcode == Opcodes.NEW || opcode == Opcodes.GOTO || opcode == Opcodes.IINC || opcode == Opcodes.NOP;
    }

    private static boolean stackHolds(Frame<BasicValue> f, AbstractInsnNode newInsn, int top, int count) {
        for (int i = 0; i < count && top - i >= 0; i++) {
            if (isIt(f.getStack(top - i), newInsn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIt(BasicValue v, AbstractInsnNode newInsn) {
        return v instanceof TypeAnalysis.Uninitialized && ((TypeAnalysis.Uninitialized) v).newInsn == newInsn;
    }

    private static void apply(MethodNode method, Plan plan, ClassHierarchy hierarchy) {
        InsnList insns = method.instructions;
        ConstructorRelocation.initializeAt(insns, plan.newInsn, hierarchy);
        for (AbstractInsnNode move : plan.moves) {
            insns.remove(move);
        }
        Type[] args = Type.getArgumentTypes(plan.constructor.desc);
        int[] slots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        InsnList code = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            code.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        code.add(new TypeInsnNode(Opcodes.NEW, plan.newInsn.desc));
        for (int i = 1; i < plan.copies; i++) {
            code.add(new InsnNode(Opcodes.DUP));
        }
        for (int i = 0; i < args.length; i++) {
            code.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        insns.insertBefore(plan.constructor, code);
    }
}
