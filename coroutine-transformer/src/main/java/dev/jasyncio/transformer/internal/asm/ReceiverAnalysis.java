package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Which method calls of an instance method are made on its own receiver, {@code this}: the value slot 0 holds on
 * entry, followed through loads, stores and {@code DUP}s, and lost at any merge with another value or any store of
 * something else into its slot. Such a receiver is never null, so a call on it may skip the null check a virtual
 * call would make.
 */
final class ReceiverAnalysis {

    private final MethodNode method;
    /**
     * The receiver on entry. The basic interpreter gives every other reference the type Object, so its own type
     * (the owner's) sets it apart, in both directions of {@code equals}, which the analyzer uses to detect changes.
     */
    private final BasicValue self;
    private final Frame<BasicValue>[] frames;

    private ReceiverAnalysis(MethodNode method, BasicValue self, Frame<BasicValue>[] frames) {
        this.method = method;
        this.self = self;
        this.frames = frames;
    }

    static ReceiverAnalysis of(String owner, MethodNode method) throws AnalyzerException {
        if ((method.access & Opcodes.ACC_STATIC) != 0) {
            return new ReceiverAnalysis(method, null, null);
        }
        BasicValue self = new BasicValue(Type.getObjectType(owner));
        return new ReceiverAnalysis(method, self, new Analyzer<>(new Interpreter(self)).analyze(owner, method));
    }

    /** Whether {@code call} (an instance call of {@link #method}) is certainly made on {@code this}. */
    boolean onThis(MethodInsnNode call) {
        if (frames == null) {
            return false;
        }
        Frame<BasicValue> frame = frames[method.instructions.indexOf(call)];
        if (frame == null) {
            return false;
        }
        int args = Type.getArgumentTypes(call.desc).length;
        return frame.getStack(frame.getStackSize() - 1 - args) == self;
    }

    /** ASM's basic interpreter, which passes values through loads, stores and DUPs as they are, knowing self. */
    private static final class Interpreter extends BasicInterpreter {
        private final BasicValue self;

        Interpreter(BasicValue self) {
            super(Names.ASM_API);
            this.self = self;
        }

        @Override
        public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
            return isInstanceMethod && local == 0 ? self : super.newParameterValue(isInstanceMethod, local, type);
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a == b) {
                return a;
            }
            if (a == self || b == self) {
                // Either this or something else: only a reference, no longer known to be non-null.
                return a.isReference() && b.isReference() ? BasicValue.REFERENCE_VALUE
                        : BasicValue.UNINITIALIZED_VALUE;
            }
            return super.merge(a, b);
        }
    }
}
