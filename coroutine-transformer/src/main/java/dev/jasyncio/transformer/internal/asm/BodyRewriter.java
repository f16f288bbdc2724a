package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an async method's code into the body of its state machine, in place.
 *
 * <p>The body of {@code m} is {@code static Object m(C$Async$m f, Object value, Throwable error)}: it keeps the
 * method's name, with a descriptor of its own. Its prologue jumps on
 * {@code f.label}: to the start, where the arguments are loaded from the frame into their original slots, or to the
 * resume point of an await. Each await becomes:
 * <pre>
 *   [stack..., awaitable] ALOAD f; INVOKESTATIC AsyncSupport.await      -- value, or SUSPENDED
 *   DUP; GETSTATIC SUSPENDED; IF_ACMPNE cont                             -- done at once: carry on
 *   POP; save stack and live locals into f; f.label = n; return SUSPENDED
 * resume_n:                                                              -- from the prologue
 *   restore live locals and the stack from f; ALOAD value; ALOAD error
 *   INVOKESTATIC AsyncSupport.resumeValue                               -- throws the error at the await
 * cont:
 *   [stack..., value] ...the original code
 * </pre>
 * An await of a call to an async method with a direct entry calls that entry instead, passing the task and the
 * nesting depth: no coroutine object is made unless the callee really suspends (then {@code linkDirect} hooks the
 * callee's new frame to this one). The original locals keep their slots (line numbers and local variable tables
 * stay valid); the frame, value and error live in three new slots after them. The saving and restoring code is cut
 * out of the method's exception ranges, so handlers see only what the original code had, while both the await and
 * the rethrow stay covered.
 */
final class BodyRewriter {

    private final MethodNode method;
    private final String owner;
    private final boolean ownerIsInterface;
    private final String frameClass;
    private final String ownerDesc;
    private final boolean isStatic;
    private final int frameSlot;
    private final int valueSlot;
    private final int errorSlot;
    private final SpillCode spill;
    private final List<LabelNode[]> uncovered = new ArrayList<>();

    BodyRewriter(MethodNode method, String owner, boolean ownerIsInterface, String frameClass, int referenceFields) {
        this.method = method;
        this.owner = owner;
        this.ownerIsInterface = ownerIsInterface;
        this.frameClass = frameClass;
        this.ownerDesc = "L" + owner + ";";
        this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        // Past the original locals and past the body's own three parameters, which the prologue moves here.
        this.frameSlot = Math.max(method.maxLocals, 3);
        this.valueSlot = frameSlot + 1;
        this.errorSlot = frameSlot + 2;
        this.spill = new SpillCode(frameClass, referenceFields);
    }

    /** Rewrites the method; {@code sites} in instruction order, numbered from 1. */
    void rewrite(List<AwaitSite> sites, String bodyName, int bodyAccess) {
        removeFrames(method);
        LabelNode start = new LabelNode();
        List<LabelNode> resumes = new ArrayList<>();
        for (AwaitSite site : sites) {
            resumes.add(rewriteAwait(site));
        }
        method.instructions.insert(prologue(start, resumes));
        ExceptionRanges.cut(method, uncovered);
        becomeSynthetic(method, bodyName, "(L" + frameClass + ";Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;",
                bodyAccess);
        method.maxLocals = errorSlot + 1;
    }

    /** Strips what belonged to the user's method from a generated one. */
    static void becomeSynthetic(MethodNode m, String name, String desc, int access) {
        m.name = name;
        m.desc = desc;
        m.access = access;
        m.signature = null;
        m.exceptions = new ArrayList<>();
        m.visibleAnnotations = null;
        m.invisibleAnnotations = null;
        m.visibleParameterAnnotations = null;
        m.invisibleParameterAnnotations = null;
        m.visibleAnnotableParameterCount = 0;
        m.invisibleAnnotableParameterCount = 0;
        m.parameters = null;
    }

    static void removeFrames(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; ) {
            AbstractInsnNode next = i.getNext();
            if (i instanceof FrameNode) {
                m.instructions.remove(i);
            }
            i = next;
        }
    }

    private InsnList prologue(LabelNode start, List<LabelNode> resumes) {
        InsnList p = new InsnList();
        p.add(new VarInsnNode(Opcodes.ALOAD, 0));
        p.add(new VarInsnNode(Opcodes.ASTORE, frameSlot));
        p.add(new VarInsnNode(Opcodes.ALOAD, 1));
        p.add(new VarInsnNode(Opcodes.ASTORE, valueSlot));
        p.add(new VarInsnNode(Opcodes.ALOAD, 2));
        p.add(new VarInsnNode(Opcodes.ASTORE, errorSlot));
        if (!resumes.isEmpty()) {
            LabelNode corrupt = new LabelNode();
            LabelNode[] targets = new LabelNode[resumes.size() + 1];
            targets[0] = start;
            for (int i = 0; i < resumes.size(); i++) {
                targets[i + 1] = resumes.get(i);
            }
            p.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            p.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, Names.FRAME_LABEL, "I"));
            p.add(new TableSwitchInsnNode(0, resumes.size(), corrupt, targets));
            p.add(corrupt);
            p.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
            p.add(new InsnNode(Opcodes.DUP));
            p.add(new LdcInsnNode("corrupt coroutine state: unknown resume label"));
            p.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                    "(Ljava/lang/String;)V", false));
            p.add(new InsnNode(Opcodes.ATHROW));
        }
        p.add(start);
        int slot = 0;
        if (!isStatic) {
            loadArgument(p, FrameClassEmitter.argumentField(0), ownerDesc, slot);
            slot++;
        }
        Type[] args = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < args.length; i++) {
            int index = isStatic ? i : i + 1;
            loadArgument(p, FrameClassEmitter.argumentField(index), args[i].getDescriptor(), slot);
            slot += args[i].getSize();
        }
        return p;
    }

    private void loadArgument(InsnList p, String field, String desc, int slot) {
        p.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        p.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, field, desc));
        p.add(new VarInsnNode(Type.getType(desc).getOpcode(Opcodes.ISTORE), slot));
        if (desc.startsWith("L") || desc.startsWith("[")) {
            // From here on the argument lives in the body's locals (and in saved fields while it is live).
            p.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            p.add(new InsnNode(Opcodes.ACONST_NULL));
            p.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, field, desc));
        }
    }

    /** Replaces one await call; returns the label its resume code starts at. */
    private LabelNode rewriteAwait(AwaitSite site) {
        InsnList code = new InsnList();
        LabelNode cont = new LabelNode();
        LabelNode resume = new LabelNode();
        LabelNode uncoveredStart = new LabelNode();
        LabelNode uncoveredEnd = new LabelNode();

        if (site.sleepCall != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_AWAIT_SLEEP,
                    Names.SUPPORT_AWAIT_SLEEP_DESC, false));
        } else if (site.emitCall != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_AWAIT_EMIT,
                    Names.SUPPORT_AWAIT_EMIT_DESC, false));
        } else if (site.direct != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, Names.ASYNC_FRAME, Names.FRAME_TASK, Names.TASK_DESC));
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_DEPTH,
                    Names.SUPPORT_DEPTH_DESC, false));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, site.direct.name, site.direct.desc,
                    ownerIsInterface));
        } else {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_AWAIT,
                    Names.SUPPORT_AWAIT_DESC, false));
        }
        code.add(uncoveredStart);
        AwaitCode.continueUnlessSuspended(code, cont);

        // Suspend: link a suspended direct callee to this frame, save what must survive, return SUSPENDED.
        if (site.direct != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_LINK_DIRECT,
                    Names.SUPPORT_LINK_DIRECT_DESC, false));
        }
        spill.save(code, site, frameSlot);
        AwaitCode.pushSuspended(code);
        code.add(new InsnNode(Opcodes.ARETURN));

        // Resume: restore, then produce the awaited value or throw its failure here.
        code.add(resume);
        spill.restore(code, site, frameSlot);
        code.add(new VarInsnNode(Opcodes.ALOAD, valueSlot));
        code.add(new VarInsnNode(Opcodes.ALOAD, errorSlot));
        code.add(uncoveredEnd);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_RESUME_VALUE,
                Names.SUPPORT_RESUME_VALUE_DESC, false));
        code.add(cont);

        AwaitCode.replace(method, site, code);
        uncovered.add(new LabelNode[] {uncoveredStart, uncoveredEnd});
        return resume;
    }
}
