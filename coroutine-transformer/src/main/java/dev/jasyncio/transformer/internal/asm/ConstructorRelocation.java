package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes {@code new Foo(a, await(x))} transformable. The JVM cannot save an object that is allocated but not yet
 * constructed, so the allocation moves after the arguments: {@code NEW Foo; DUP; args; INVOKESPECIAL} becomes
 * {@code args; store them; NEW Foo; DUP; load them; INVOKESPECIAL}. Where Foo has a static initializer, a call
 * at the original place still initializes the class first, so class initialization order is unchanged.
 */
final class ConstructorRelocation {

    private ConstructorRelocation() {
    }

    /**
     * Relocates every allocation whose uninitialized object is on the stack at an await. Returns false if nothing
     * needed it; the caller re-analyses the method after a relocation.
     */
    static boolean relocate(String owner, MethodNode method, TypeFlow.Result frames, ClassHierarchy hierarchy)
            throws AnalyzerException {
        InsnList insns = method.instructions;
        Set<AbstractInsnNode> news = new LinkedHashSet<>();
        Set<AbstractInsnNode> spilled = new LinkedHashSet<>();
        int index = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext(), index++) {
            Frame<BasicValue> f = frames.frame(index);
            if (f == null || !isAwait(insn)) {
                continue;
            }
            for (int i = 0; i < f.getStackSize(); i++) {
                if (f.getStack(i) instanceof TypeAnalysis.Uninitialized) {
                    news.add(((TypeAnalysis.Uninitialized) f.getStack(i)).newInsn);
                }
            }
            for (int i = 0; i < f.getLocals(); i++) {
                if (f.getLocal(i) instanceof TypeAnalysis.Uninitialized) {
                    spilled.add(((TypeAnalysis.Uninitialized) f.getLocal(i)).newInsn);
                }
            }
        }
        if (!spilled.isEmpty()) {
            // javac spills the operand stack into locals around a switch expression with a try in it, the new object
            // included: the allocation then reaches its constructor through local variables.
            return SpilledAllocation.relocate(owner, method, spilled, hierarchy);
        }
        List<Runnable> edits = new ArrayList<>();
        for (AbstractInsnNode newInsn : news) {
            MethodInsnNode ctor = constructorOf(newInsn, insns, frames);
            AbstractInsnNode after = next(newInsn);
            if (ctor == null || after == null) {
                return false; // not a compiler's shape: leave it to the caller's diagnostic
            }
            // ECJ drops the DUP when the new object is not used afterwards.
            AbstractInsnNode dup = after.getOpcode() == Opcodes.DUP ? after : null;
            edits.add(() -> move(method, (TypeInsnNode) newInsn, dup, ctor, hierarchy));
        }
        edits.forEach(Runnable::run);
        return !edits.isEmpty();
    }

    /**
     * Where Foo has a static initializer, makes the class initialized right before {@code newInsn}, the allocation
     * about to be moved, as the original code did.
     */
    static void initializeAt(InsnList insns, TypeInsnNode newInsn, ClassHierarchy hierarchy) {
        if (hierarchy.hasStaticInitializer(newInsn.desc)) {
            insns.insertBefore(newInsn, new LdcInsnNode(Type.getObjectType(newInsn.desc)));
            insns.insertBefore(newInsn, new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT,
                    Names.SUPPORT_INITIALIZE, Names.SUPPORT_INITIALIZE_DESC, false));
        }
    }

    private static void move(MethodNode method, TypeInsnNode newInsn, AbstractInsnNode dup, MethodInsnNode ctor,
                             ClassHierarchy hierarchy) {
        InsnList insns = method.instructions;
        initializeAt(insns, newInsn, hierarchy);
        if (dup != null) {
            insns.remove(dup);
        }
        insns.remove(newInsn);
        Type[] args = Type.getArgumentTypes(ctor.desc);
        int[] slots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        InsnList code = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            code.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        code.add(new TypeInsnNode(Opcodes.NEW, newInsn.desc));
        if (dup != null) {
            code.add(new InsnNode(Opcodes.DUP));
        }
        for (int i = 0; i < args.length; i++) {
            code.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        insns.insertBefore(ctor, code);
    }

    /** The constructor call whose receiver is the object {@code newInsn} allocated. */
    private static MethodInsnNode constructorOf(AbstractInsnNode newInsn, InsnList insns, TypeFlow.Result frames) {
        for (AbstractInsnNode i = newInsn.getNext(); i != null; i = i.getNext()) {
            if (i.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) i).name)) {
                continue;
            }
            Frame<BasicValue> f = frames.frame(insns.indexOf(i));
            if (f == null) {
                continue;
            }
            int args = Type.getArgumentTypes(((MethodInsnNode) i).desc).length;
            BasicValue receiver = f.getStack(f.getStackSize() - 1 - args);
            if (receiver instanceof TypeAnalysis.Uninitialized
                    && ((TypeAnalysis.Uninitialized) receiver).newInsn == newInsn) {
                return (MethodInsnNode) i;
            }
        }
        return null;
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }

    static boolean isAwait(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode && Names.isAwait(insn.getOpcode(), ((MethodInsnNode) insn).owner,
                ((MethodInsnNode) insn).name, ((MethodInsnNode) insn).desc);
    }
}
