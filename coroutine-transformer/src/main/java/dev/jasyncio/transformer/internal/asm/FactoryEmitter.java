package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;

/**
 * Replaces an async method's code with its factory: allocate the frame with the receiver and the arguments, return
 * it (the frame's fields are filled one by one when its constructor could not take them all). Calling the method thus runs none of the body, as calling an {@code async def} in Python.
 */
final class FactoryEmitter {

    private FactoryEmitter() {
    }

    static void emit(MethodNode method, String owner, String frameClass, int firstLine) {
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        InsnList code = new InsnList();
        if (firstLine > 0) {
            LabelNode start = new LabelNode();
            code.add(start);
            code.add(new LineNumberNode(firstLine, start));
        }
        code.add(new TypeInsnNode(Opcodes.NEW, frameClass));
        code.add(new InsnNode(Opcodes.DUP));
        Type[] args = Type.getArgumentTypes(method.desc);
        int slot = isStatic ? 0 : 1;
        int stack;
        if (FrameClassEmitter.hasArgumentConstructor(owner, method.desc, isStatic)) {
            if (!isStatic) {
                code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            }
            stack = 2 + (isStatic ? 0 : 1);
            for (Type t : args) {
                code.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
                slot += t.getSize();
                stack += t.getSize();
            }
            code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, frameClass, "<init>",
                    FrameClassEmitter.constructorDescriptor(owner, method.desc, isStatic), false));
        } else {
            // Too many parameters for a constructor that takes them all: the fields are filled one by one.
            code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, frameClass, "<init>", "()V", false));
            int field = 0;
            if (!isStatic) {
                code.add(new InsnNode(Opcodes.DUP));
                code.add(new VarInsnNode(Opcodes.ALOAD, 0));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, FrameClassEmitter.argumentField(field++),
                        "L" + owner + ";"));
            }
            for (Type t : args) {
                code.add(new InsnNode(Opcodes.DUP));
                code.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, FrameClassEmitter.argumentField(field++),
                        t.getDescriptor()));
                slot += t.getSize();
            }
            stack = 4;
        }
        if (AsyncMethodTransformer.returnsGenerator(method)) {
            // An async generator: its frame is the body, run a step at a time by the generator around it.
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_GENERATOR,
                    Names.SUPPORT_GENERATOR_DESC, false));
        }
        code.add(new InsnNode(Opcodes.ARETURN));
        method.instructions = code;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        method.maxStack = stack;
        method.maxLocals = Math.max(method.maxLocals, slot);
    }
}
