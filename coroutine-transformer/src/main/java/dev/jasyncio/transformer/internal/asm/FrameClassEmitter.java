package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

import java.util.List;

/**
 * Generates the frame class of one async method: a final subclass of the runtime's {@code AsyncFrame} with a field
 * per argument ({@code p0}, the receiver first for instance methods), typed fields for the values saved across
 * awaits ({@code I0}, {@code J0}, {@code F0}, {@code D0}, {@code A0}, ...), a constructor taking the arguments,
 * {@code resume} calling the body, and the names the runtime prints.
 */
final class FrameClassEmitter {

    private FrameClassEmitter() {
    }

    static String argumentField(int index) {
        return "p" + index;
    }

    /** The descriptor of the constructor: the receiver (if any) then the method's arguments. */
    static String constructorDescriptor(String owner, String methodDesc, boolean isStatic) {
        StringBuilder d = new StringBuilder("(");
        if (!isStatic) {
            d.append('L').append(owner).append(';');
        }
        for (Type t : Type.getArgumentTypes(methodDesc)) {
            d.append(t.getDescriptor());
        }
        return d.append(")V").toString();
    }

    /** The class file format's limit on a method's parameters, in slots, {@code this} included (JVMS 4.3.3). */
    static final int MAX_PARAMETER_SLOTS = 255;

    /** Whether a method with descriptor {@code desc} fits the format's limit: static, or with {@code this}. */
    static boolean parametersFit(String desc, boolean isStatic) {
        return (Type.getArgumentsAndReturnSizes(desc) >> 2) - (isStatic ? 1 : 0) <= MAX_PARAMETER_SLOTS;
    }

    /**
     * Whether the frame class has a constructor taking the receiver and the arguments: not when, with the frame's
     * own {@code this} and the receiver, they pass the format's limit. Its factory then fills the fields itself.
     */
    static boolean hasArgumentConstructor(String owner, String methodDesc, boolean isStatic) {
        return parametersFit(constructorDescriptor(owner, methodDesc, isStatic), false);
    }

    /**
     * The frame class as a tree, for the gate to check its methods before it is written ({@link #write}). Every
     * method is a few straight-line instructions: their sizes are given, not computed.
     */
    static ClassNode emit(int version, String frameClass, String owner, boolean ownerIsInterface, String methodDesc,
                          boolean isStatic, String bodyName, String bodyDesc, int[] fieldsPerKind, String displayName,
                          String sourceFile, List<AwaitSite> sites) {
        ClassNode frame = new ClassNode(Names.ASM_API);
        frame.visit(Math.max(version & 0xFFFF, Opcodes.V1_8), Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                frameClass, null, Names.ASYNC_FRAME, null);
        if (sourceFile != null) {
            frame.visitSource(sourceFile, null);
        }
        frame.visitAnnotation(Names.INSTRUMENTED_MARKER, false).visitEnd();

        // Arguments.
        int index = 0;
        if (!isStatic) {
            frame.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, argumentField(index++), "L" + owner + ";", null,
                    null).visitEnd();
        }
        Type[] args = Type.getArgumentTypes(methodDesc);
        for (Type t : args) {
            frame.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, argumentField(index++), t.getDescriptor(), null,
                    null).visitEnd();
        }
        // Saved values.
        for (int k = 0; k < fieldsPerKind.length; k++) {
            char kind = Slot.KINDS.charAt(k);
            for (int i = 0; i < fieldsPerKind[k]; i++) {
                frame.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, String.valueOf(kind) + i,
                        Slot.fieldDescriptor(kind), null, null).visitEnd();
            }
        }

        String ctorDesc = constructorDescriptor(owner, methodDesc, isStatic);
        boolean withArguments = hasArgumentConstructor(owner, methodDesc, isStatic);
        if (withArguments) {
            argumentConstructor(frame, frameClass, ctorDesc);
        }
        if (!withArguments || !ctorDesc.equals("()V")) {
            // For a direct entry that suspends: it fills the saved-value fields itself; the arguments are not needed.
            // And for a factory whose arguments do not fit a constructor: it fills the argument fields.
            MethodVisitor empty = frame.visitMethod(0, "<init>", "()V", null, null);
            empty.visitCode();
            empty.visitVarInsn(Opcodes.ALOAD, 0);
            empty.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.ASYNC_FRAME, "<init>", "()V", false);
            empty.visitInsn(Opcodes.RETURN);
            empty.visitMaxs(1, 1);
            empty.visitEnd();
        }

        MethodVisitor resume = frame.visitMethod(Opcodes.ACC_PUBLIC, Names.RESUME, Names.RESUME_DESC, null, null);
        resume.visitCode();
        resume.visitVarInsn(Opcodes.ALOAD, 0);
        resume.visitVarInsn(Opcodes.ALOAD, 1);
        resume.visitVarInsn(Opcodes.ALOAD, 2);
        resume.visitMethodInsn(Opcodes.INVOKESTATIC, owner, bodyName, bodyDesc, ownerIsInterface);
        resume.visitInsn(Opcodes.ARETURN);
        resume.visitMaxs(3, 3);
        resume.visitEnd();

        MethodVisitor name = frame.visitMethod(Opcodes.ACC_PUBLIC, Names.COROUTINE_NAME, Names.STRING_RESULT_DESC, null,
                null);
        name.visitCode();
        name.visitLdcInsn(displayName);
        name.visitInsn(Opcodes.ARETURN);
        name.visitMaxs(1, 1);
        name.visitEnd();

        MethodVisitor at = frame.visitMethod(Opcodes.ACC_PUBLIC, Names.SUSPENDED_AT, Names.STRING_RESULT_DESC, null,
                null);
        at.visitCode();
        at.visitLdcInsn(locationTable(sourceFile, sites));
        at.visitVarInsn(Opcodes.ALOAD, 0);
        at.visitFieldInsn(Opcodes.GETFIELD, frameClass, Names.FRAME_LABEL, "I");
        at.visitMethodInsn(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_LOCATION,
                Names.SUPPORT_LOCATION_DESC, false);
        at.visitInsn(Opcodes.ARETURN);
        at.visitMaxs(2, 1);
        at.visitEnd();

        frame.visitEnd();
        return frame;
    }

    /** The constructor that stores the receiver and the arguments into their fields. */
    private static void argumentConstructor(ClassNode frame, String frameClass, String ctorDesc) {
        MethodVisitor init = frame.visitMethod(0, "<init>", ctorDesc, null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.ASYNC_FRAME, "<init>", "()V", false);
        Type[] ctorArgs = Type.getArgumentTypes(ctorDesc);
        int slot = 1;
        int stack = 1;
        for (int i = 0; i < ctorArgs.length; i++) {
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitVarInsn(ctorArgs[i].getOpcode(Opcodes.ILOAD), slot);
            init.visitFieldInsn(Opcodes.PUTFIELD, frameClass, argumentField(i), ctorArgs[i].getDescriptor());
            slot += ctorArgs[i].getSize();
            stack = Math.max(stack, 1 + ctorArgs[i].getSize());
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(stack, slot);
        init.visitEnd();
    }

    /** The class file of a frame class made by {@link #emit}. */
    static byte[] write(ClassNode frameClass) {
        ClassWriter writer = new ClassWriter(0);
        frameClass.accept(writer);
        return writer.toByteArray();
    }

    /** {@code File.java:line1,line2,...}: the line of each await, by label; decoded only when someone asks. */
    private static String locationTable(String sourceFile, List<AwaitSite> sites) {
        StringBuilder s = new StringBuilder(sourceFile == null ? "Unknown" : sourceFile).append(':');
        for (int i = 0; i < sites.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(sites.get(i).line);
        }
        return s.toString();
    }
}
