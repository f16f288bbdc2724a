package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a copy of an async method's code into its direct entry,
 * {@code static Object m(args..., Task task, int depth)} ({@code static Object m(Owner self, args..., Task task,
 * int depth)} for an instance method: the receiver stays in slot 0, where the body expects {@code this}): the body
 * run with its locals on the Java stack and no frame, for {@code await(m(...))} in the same class. It returns the
 * result, or, at the first await that really suspends, allocates the frame, saves into it exactly what the body
 * with a frame would have saved at that await, hooks it into the suspended chain and returns SUSPENDED; the frame's
 * body then resumes it. So an async call that completes without suspending allocates nothing. Nested deeper than {@code AsyncSupport.MAX_DEPTH}
 * it makes its frame at once and lets the task's loop start it, so no chain overflows the stack.
 */
final class DirectEntryRewriter {

    private final MethodNode method;
    private final String owner;
    private final boolean ownerIsInterface;
    private final String frameClass;
    private final String constructorDesc;
    private final boolean isStatic;
    /** The slot of the task parameter: right after the receiver, if any, and the arguments. */
    private final int taskParameter;
    private final int taskSlot;
    private final int depthSlot;
    private final int newFrameSlot;
    private final SpillCode spill;
    private final List<LabelNode[]> uncovered = new ArrayList<>();

    DirectEntryRewriter(MethodNode method, String owner, boolean ownerIsInterface, String frameClass,
                        String constructorDesc, int referenceFields) {
        this.method = method;
        this.owner = owner;
        this.ownerIsInterface = ownerIsInterface;
        this.frameClass = frameClass;
        this.constructorDesc = constructorDesc;
        this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        // The argument size counts a receiver whether the method has one or not.
        this.taskParameter = (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - (isStatic ? 1 : 0);
        this.taskSlot = Math.max(method.maxLocals, taskParameter + 2);
        this.depthSlot = taskSlot + 1;
        this.newFrameSlot = taskSlot + 2;
        this.spill = new SpillCode(frameClass, referenceFields);
    }

    /** The descriptor of the direct entry of a method of {@code owner} with descriptor {@code desc}. */
    static String descriptor(String owner, String desc, boolean instance) {
        String receiver = instance ? "L" + owner + ";" : "";
        return "(" + receiver + desc.substring(1, desc.indexOf(')')) + Names.TASK_DESC + "I)Ljava/lang/Object;";
    }

    void rewrite(List<AwaitSite> sites, String name, int access) {
        BodyRewriter.removeFrames(method);
        for (AwaitSite site : sites) {
            rewriteAwait(site);
        }
        method.instructions.insert(prologue());
        ExceptionRanges.cut(method, uncovered);
        BodyRewriter.becomeSynthetic(method, name, descriptor(owner, method.desc, !isStatic), access);
        method.maxLocals = newFrameSlot + 1;
    }

    private InsnList prologue() {
        // The receiver and the arguments stay where the original code expects them: they are the entry's first
        // parameters, in the same slots.
        InsnList p = new InsnList();
        p.add(new VarInsnNode(Opcodes.ALOAD, taskParameter));
        p.add(new VarInsnNode(Opcodes.ASTORE, taskSlot));
        p.add(new VarInsnNode(Opcodes.ILOAD, taskParameter + 1));
        p.add(new VarInsnNode(Opcodes.ISTORE, depthSlot));
        LabelNode go = new LabelNode();
        p.add(new VarInsnNode(Opcodes.ILOAD, depthSlot));
        p.add(new FieldInsnNode(Opcodes.GETSTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_MAX_DEPTH, "I"));
        p.add(new JumpInsnNode(Opcodes.IF_ICMPLE, go));
        p.add(new TypeInsnNode(Opcodes.NEW, frameClass));
        p.add(new InsnNode(Opcodes.DUP));
        int slot = 0;
        if (!isStatic) {
            p.add(new VarInsnNode(Opcodes.ALOAD, slot++));
        }
        for (Type t : Type.getArgumentTypes(method.desc)) {
            p.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
        p.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, frameClass, "<init>", constructorDesc, false));
        p.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        p.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_DEFER_DIRECT,
                Names.SUPPORT_FRAME_TASK_DESC, false));
        p.add(new InsnNode(Opcodes.ARETURN));
        p.add(go);
        return p;
    }

    private void rewriteAwait(AwaitSite site) {
        InsnList code = new InsnList();
        LabelNode cont = new LabelNode();
        LabelNode uncoveredStart = new LabelNode();
        if (site.sleepCall != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_AWAIT_SLEEP_DIRECT,
                    Names.SUPPORT_AWAIT_SLEEP_DIRECT_DESC, false));
        } else if (site.direct != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
            code.add(new VarInsnNode(Opcodes.ILOAD, depthSlot));
            code.add(new InsnNode(Opcodes.ICONST_1));
            code.add(new InsnNode(Opcodes.IADD));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, site.direct.name, site.direct.desc,
                    ownerIsInterface));
        } else {
            code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
            code.add(new VarInsnNode(Opcodes.ILOAD, depthSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_AWAIT_DIRECT,
                    Names.SUPPORT_AWAIT_DIRECT_DESC, false));
        }
        code.add(uncoveredStart);
        AwaitCode.continueUnlessSuspended(code, cont);
        code.add(new TypeInsnNode(Opcodes.NEW, frameClass));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, frameClass, "<init>", "()V", false));
        code.add(new VarInsnNode(Opcodes.ASTORE, newFrameSlot));
        spill.save(code, site, newFrameSlot);
        code.add(new VarInsnNode(Opcodes.ALOAD, newFrameSlot));
        code.add(new VarInsnNode(Opcodes.ALOAD, taskSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_SUSPEND_DIRECT,
                Names.SUPPORT_FRAME_TASK_DESC, false));
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(cont);
        AwaitCode.replace(method, site, code);
        uncovered.add(new LabelNode[] {uncoveredStart, cont});
    }
}
