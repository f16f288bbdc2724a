package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The pieces of an await's replacement that the body and the direct entry share: the test of the awaited call's
 * answer for the suspension marker, and putting the new code where the await call was.
 */
final class AwaitCode {

    private AwaitCode() {
    }

    /**
     * With the awaited call's answer on the stack: jumps to {@code cont} with the answer when it is a value, and
     * falls through with an empty stack when the callee suspended.
     */
    static void continueUnlessSuspended(InsnList code, LabelNode cont) {
        code.add(new InsnNode(Opcodes.DUP));
        pushSuspended(code);
        code.add(new JumpInsnNode(Opcodes.IF_ACMPNE, cont));
        code.add(new InsnNode(Opcodes.POP));
    }

    /** The marker a body returns when it suspends. */
    static void pushSuspended(InsnList code) {
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_SUSPENDED,
                "Ljava/lang/Object;"));
    }

    /** {@code code} in place of the await call, and of the direct or sleep call it replaces too. */
    static void replace(MethodNode method, AwaitSite site, InsnList code) {
        method.instructions.insert(site.call, code);
        method.instructions.remove(site.call);
        if (site.directCall != null) {
            method.instructions.remove(site.directCall);
        }
        if (site.sleepCall != null) {
            method.instructions.remove(site.sleepCall);
        }
        if (site.emitCall != null) {
            method.instructions.remove(site.emitCall);
        }
    }
}
