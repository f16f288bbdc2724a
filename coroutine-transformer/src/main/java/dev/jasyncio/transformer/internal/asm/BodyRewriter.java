package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an async method's code into the body of its state machine, in place.
 *
 * <p>The body is {@code static Object async$m(Frame f, Object value, Throwable error)}. Its prologue jumps on
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
 * The original locals keep their slots (line numbers and local variable tables stay valid); the frame, value and
 * error live in three new slots after them. The saving and restoring code is cut out of the method's exception
 * ranges, so handlers see only what the original code had, while both the await and the rethrow stay covered.
 */
final class BodyRewriter {

    private final MethodNode method;
    private final String frameClass;
    private final String ownerDesc;
    private final boolean isStatic;
    private final int frameSlot;
    private final int valueSlot;
    private final int errorSlot;
    private final List<LabelNode[]> uncovered = new ArrayList<>();

    BodyRewriter(MethodNode method, String owner, String frameClass) {
        this.method = method;
        this.frameClass = frameClass;
        this.ownerDesc = "L" + owner + ";";
        this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        // Past the original locals and past the body's own three parameters, which the prologue moves here.
        this.frameSlot = Math.max(method.maxLocals, 3);
        this.valueSlot = frameSlot + 1;
        this.errorSlot = frameSlot + 2;
    }

    /** Rewrites the method; {@code sites} in instruction order, numbered from 1. */
    void rewrite(List<AwaitSite> sites, String bodyName, int bodyAccess) {
        removeFrames();
        LabelNode start = new LabelNode();
        List<LabelNode> resumes = new ArrayList<>();
        for (AwaitSite site : sites) {
            resumes.add(rewriteAwait(site));
        }
        method.instructions.insert(prologue(start, resumes));
        splitTryCatchBlocks();
        method.name = bodyName;
        method.desc = "(L" + frameClass + ";Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
        method.access = bodyAccess;
        method.signature = null;
        method.exceptions = new ArrayList<>();
        method.visibleAnnotations = null;
        method.invisibleAnnotations = null;
        method.visibleParameterAnnotations = null;
        method.invisibleParameterAnnotations = null;
        method.visibleAnnotableParameterCount = 0;
        method.invisibleAnnotableParameterCount = 0;
        method.parameters = null;
        method.maxLocals = errorSlot + 1;
    }

    private void removeFrames() {
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; ) {
            AbstractInsnNode next = i.getNext();
            if (i instanceof FrameNode) {
                method.instructions.remove(i);
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
    }

    /** Replaces one await call; returns the label its resume code starts at. */
    private LabelNode rewriteAwait(AwaitSite site) {
        InsnList code = new InsnList();
        LabelNode cont = new LabelNode();
        LabelNode resume = new LabelNode();
        LabelNode uncoveredStart = new LabelNode();
        LabelNode uncoveredEnd = new LabelNode();

        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_AWAIT,
                Names.SUPPORT_AWAIT_DESC, false));
        code.add(uncoveredStart);
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_SUSPENDED,
                "Ljava/lang/Object;"));
        code.add(new JumpInsnNode(Opcodes.IF_ACMPNE, cont));

        // Suspend: save the stack (top first), the live locals, the label.
        code.add(new InsnNode(Opcodes.POP));
        for (int i = site.stack.size() - 1; i >= 0; i--) {
            saveStackTop(code, site.stack.get(i));
        }
        for (Slot s : site.locals) {
            if (!s.isNullConstant()) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new VarInsnNode(s.loadOpcode(), s.local));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, s.field, Slot.fieldDescriptor(s.kind)));
            }
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(intConstant(site.number));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, Names.FRAME_LABEL, "I"));
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_SUSPENDED,
                "Ljava/lang/Object;"));
        code.add(new InsnNode(Opcodes.ARETURN));

        // Resume: restore the locals, then the stack (bottom first), then produce the awaited value.
        code.add(resume);
        for (Slot s : site.locals) {
            restore(code, s);
            code.add(new VarInsnNode(s.storeOpcode(), s.local));
        }
        for (Slot s : site.stack) {
            restore(code, s);
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, valueSlot));
        code.add(new VarInsnNode(Opcodes.ALOAD, errorSlot));
        code.add(uncoveredEnd);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_RESUME_VALUE,
                Names.SUPPORT_RESUME_VALUE_DESC, false));
        code.add(cont);

        method.instructions.insert(site.call, code);
        method.instructions.remove(site.call);
        uncovered.add(new LabelNode[] {uncoveredStart, uncoveredEnd});
        return resume;
    }

    private void saveStackTop(InsnList code, Slot s) {
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

    private void restore(InsnList code, Slot s) {
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

    /** Cuts the save/restore code of every await out of every exception range that contains it. */
    private void splitTryCatchBlocks() {
        InsnList insns = method.instructions;
        List<TryCatchBlockNode> result = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            LabelNode from = tcb.start;
            int end = insns.indexOf(tcb.end);
            List<LabelNode[]> inside = new ArrayList<>();
            for (LabelNode[] cut : uncovered) {
                int a = insns.indexOf(cut[0]);
                if (a > insns.indexOf(tcb.start) && a < end) {
                    inside.add(cut);
                }
            }
            inside.sort((x, y) -> Integer.compare(insns.indexOf(x[0]), insns.indexOf(y[0])));
            for (LabelNode[] cut : inside) {
                addIfNotEmpty(result, tcb, from, cut[0]);
                from = cut[1];
            }
            addIfNotEmpty(result, tcb, from, tcb.end);
        }
        method.tryCatchBlocks = result;
    }

    private void addIfNotEmpty(List<TryCatchBlockNode> out, TryCatchBlockNode tcb, LabelNode from, LabelNode to) {
        InsnList insns = method.instructions;
        for (AbstractInsnNode i = from; i != null && i != to; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                TryCatchBlockNode piece = new TryCatchBlockNode(from, to, tcb.handler, tcb.type);
                piece.visibleTypeAnnotations = tcb.visibleTypeAnnotations;
                piece.invisibleTypeAnnotations = tcb.invisibleTypeAnnotations;
                out.add(piece);
                return;
            }
        }
        assert insns.indexOf(from) <= insns.indexOf(to);
    }

    private static AbstractInsnNode intConstant(int value) {
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
