package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The instructions that save what an await must keep into a frame, and restore it: shared by the body with a
 * frame and the direct entry, which must agree on the layout since the one resumes what the other saved.
 */
final class SpillCode {

    private final String frameClass;
    /** How many reference fields the frame has: those a site does not fill are cleared when it suspends. */
    private final int referenceFields;

    SpillCode(String frameClass, int referenceFields) {
        this.frameClass = frameClass;
        this.referenceFields = referenceFields;
    }

    /** Saves the stack below the awaited value (top first), the live locals and the label into the frame in {@code frameSlot}. */
    void save(InsnList code, AwaitSite site, int frameSlot) {
        for (int i = site.stack.size() - 1; i >= 0; i--) {
            saveStackTop(code, site.stack.get(i), frameSlot);
        }
        for (Slot s : site.locals) {
            if (!s.isNullConstant()) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new VarInsnNode(s.loadOpcode(), s.local));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, s.field, Slot.fieldDescriptor(s.kind)));
            }
        }
        // References saved at an earlier await and dead now must not keep their objects from the collector.
        for (int i = site.referenceCount(); i < referenceFields; i++) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, "A" + i, "Ljava/lang/Object;"));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(intConstant(site.number));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, Names.FRAME_LABEL, "I"));
    }

    /** Restores the live locals, then the stack (bottom first). */
    void restore(InsnList code, AwaitSite site, int frameSlot) {
        for (Slot s : site.locals) {
            load(code, s, frameSlot);
            code.add(new VarInsnNode(s.storeOpcode(), s.local));
        }
        for (Slot s : site.stack) {
            load(code, s, frameSlot);
        }
    }

    private void saveStackTop(InsnList code, Slot s, int frameSlot) {
        if (s.isNullConstant()) {
            code.add(new InsnNode(Opcodes.POP));
            return;
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        if (s.isWide()) {
            code.add(new InsnNode(Opcodes.DUP_X2));
            code.add(new InsnNode(Opcodes.POP));
        } else {
            code.add(new InsnNode(Opcodes.SWAP));
        }
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, s.field, Slot.fieldDescriptor(s.kind)));
    }

    private void load(InsnList code, Slot s, int frameSlot) {
        if (s.isNullConstant()) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            return;
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, s.field, Slot.fieldDescriptor(s.kind)));
        if (s.needsCast()) {
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, s.castTarget()));
        }
    }

    static AbstractInsnNode intConstant(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
