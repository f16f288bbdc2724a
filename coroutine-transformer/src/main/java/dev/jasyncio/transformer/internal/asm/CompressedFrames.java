package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hands a method's frames to the class writer in the compressed form the class file stores: the same locals as the
 * frame before (with an empty stack, or one value on it), a few locals more or fewer, or in full. The frames come in
 * expanded form ({@code F_NEW}), which ASM compresses the same way, but only after turning every class name into a
 * descriptor and back: a tenth of the time spent writing an instrumented class.
 *
 * <p>The first frame is compared with the one the JVM derives from the method's descriptor, as the class file
 * format says.
 */
final class CompressedFrames extends MethodVisitor {

    /** The locals of the frame before, one entry per value, a long or double counting once. */
    private Object[] previous;

    CompressedFrames(MethodVisitor writer, String owner, int access, String name, String descriptor) {
        super(Names.ASM_API, writer);
        this.previous = implicitFirstLocals(owner, access, name, descriptor);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (type != Opcodes.F_NEW) {
            throw new IllegalArgumentException("expanded frames only, not type " + type);
        }
        Object[] locals = Arrays.copyOf(local, numLocal);
        int before = previous.length;
        int common = Math.min(before, numLocal);
        boolean samePrefix = Arrays.equals(previous, 0, common, locals, 0, common);
        if (samePrefix && numStack == 0 && numLocal == before) {
            super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        } else if (samePrefix && numStack == 1 && numLocal == before) {
            super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {stack[0]});
        } else if (samePrefix && numStack == 0 && numLocal > before && numLocal - before <= 3) {
            super.visitFrame(Opcodes.F_APPEND, numLocal - before, Arrays.copyOfRange(locals, before, numLocal), 0,
                    null);
        } else if (samePrefix && numStack == 0 && numLocal < before && before - numLocal <= 3) {
            super.visitFrame(Opcodes.F_CHOP, before - numLocal, null, 0, null);
        } else {
            super.visitFrame(Opcodes.F_FULL, numLocal, locals, numStack, Arrays.copyOf(stack, numStack));
        }
        previous = locals;
    }

    /** The receiver, or the uninitialized one of a constructor, then the parameters. */
    private static Object[] implicitFirstLocals(String owner, int access, String name, String descriptor) {
        List<Object> locals = new ArrayList<>();
        if ((access & Opcodes.ACC_STATIC) == 0) {
            locals.add("<init>".equals(name) ? Opcodes.UNINITIALIZED_THIS : owner);
        }
        for (Type t : Type.getArgumentTypes(descriptor)) {
            switch (t.getSort()) {
                case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> locals.add(Opcodes.INTEGER);
                case Type.FLOAT -> locals.add(Opcodes.FLOAT);
                case Type.LONG -> locals.add(Opcodes.LONG);
                case Type.DOUBLE -> locals.add(Opcodes.DOUBLE);
                case Type.ARRAY -> locals.add(t.getDescriptor());
                default -> locals.add(t.getInternalName());
            }
        }
        return locals.toArray();
    }
}
