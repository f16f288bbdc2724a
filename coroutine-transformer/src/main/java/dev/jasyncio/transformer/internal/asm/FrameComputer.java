package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes stack map frames and maximums for one rewritten method alone, in a scratch class with the owner's name
 * and supertypes: the methods the transformer did not touch keep their original frames byte for byte, and a type
 * the classpath lacks can only affect the methods that were rewritten.
 */
final class FrameComputer {

    private FrameComputer() {
    }

    static MethodNode compute(ClassNode owner, MethodNode method, ClassHierarchy hierarchy) {
        ClassWriter cw = new HierarchyClassWriter(ClassWriter.COMPUTE_FRAMES, hierarchy);
        cw.visit(Math.max(owner.version & 0xFFFF, Opcodes.V1_8), owner.access, owner.name, null, owner.superName,
                owner.interfaces.toArray(new String[0]));
        method.accept(cw);
        cw.visitEnd();
        ClassNode scratch = new ClassNode(Names.ASM_API);
        new ClassReader(cw.toByteArray()).accept(scratch, 0);
        return scratch.methods.get(0);
    }
}
