package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code async with}: try-with-resources over an {@code AsyncCloseable} in an async body, turned into plain awaits
 * before the body is rewritten, so the awaits it adds are handled as any other.
 *
 * <p>javac (11 and later) and ECJ both compile {@code try (R r = init) body} as: {@code init; ASTORE r}, the body
 * covered by a catch-all handler, a {@code r.close()} (after a null check unless {@code r} is known non-null) on
 * every way out of the body (normal end, {@code return}, {@code break}, {@code continue}), and in the handler
 * {@code ASTORE t; [r != null] r.close(); ... ALOAD t; ATHROW}, where a failure of that close is added to
 * {@code t} as suppressed (javac: a handler around the close; ECJ: an outer handler that also takes the place of
 * {@code t} when {@code t} is null). This pass:
 * <ul>
 *   <li>awaits {@code r.aenter()} where the body's handler range starts, right after {@code r} is stored (a null
 *       resource is skipped, as Java skips its close);</li>
 *   <li>turns every other {@code close()} of an {@code AsyncCloseable} into {@code await(r.aexit(null))};</li>
 *   <li>turns the handler's close into {@code await(r.aexit(t))}: a failure it throws replaces {@code t} (javac's
 *       suppressing handler is dropped; {@code t} is null while it runs, so ECJ's outer handler takes it as the
 *       failure), and {@code true} suppresses {@code t}: control goes where the normal end's close goes, locals the
 *       block would have assigned holding zero or null. A block that cannot end normally has nowhere to go: its
 *       failure goes on.</li>
 * </ul>
 */
final class AsyncWithRewriter {

    private final MethodNode method;
    private final String owner;
    private final ClassHierarchy hierarchy;

    private AsyncWithRewriter(MethodNode method, String owner, ClassHierarchy hierarchy) {
        this.method = method;
        this.owner = owner;
        this.hierarchy = hierarchy;
    }

    /** Rewrites the async-with blocks of {@code method}, an async body; true if it changed anything. */
    static boolean rewrite(String owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        return new AsyncWithRewriter(method, owner, hierarchy).run();
    }

    /** Whether {@code insn} is {@code close()} called on a static type that is an {@code AsyncCloseable}. */
    static boolean isAsyncClose(AbstractInsnNode insn, ClassHierarchy hierarchy) {
        if (!(insn instanceof MethodInsnNode)) {
            return false;
        }
        MethodInsnNode m = (MethodInsnNode) insn;
        return (m.getOpcode() == Opcodes.INVOKEVIRTUAL || m.getOpcode() == Opcodes.INVOKEINTERFACE)
                && "close".equals(m.name) && "()V".equals(m.desc) && !m.owner.startsWith("[")
                && !m.owner.startsWith("java/") && hierarchy.isSubtype(m.owner, Names.ASYNC_CLOSEABLE);
    }

    private boolean run() throws AnalyzerException {
        List<MethodInsnNode> closes = new ArrayList<>();
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; i = i.getNext()) {
            if (isAsyncClose(i, hierarchy)) {
                closes.add((MethodInsnNode) i);
            }
        }
        if (closes.isEmpty()) {
            return false;
        }
        // Types and liveness where a suppressed failure would continue, computed on the code as compiled.
        List<Block> blocks = new ArrayList<>();
        Set<MethodInsnNode> handled = new HashSet<>();
        for (TryWithResources.HandlerClose h : TryWithResources.handlerCloses(method, closes).values()) {
            Block b = new Block(h.close, h.resource, h.failure, TryWithResources.ranges(method, h.handler));
            findNormalEnd(b);
            blocks.add(b);
            handled.add(h.close);
        }
        analyseSuppressTargets(blocks);
        for (Block b : blocks) {
            rewriteBlock(b);
        }
        for (MethodInsnNode close : closes) {
            if (!handled.contains(close)) {
                enterIfBareBlock(close, blocks);
                exitNormally(close);
            }
        }
        return true;
    }

    /** One try-with-resources block: its resource, its handler's close and its normal end. */
    private static final class Block {
        final MethodInsnNode handlerClose;
        final int resource;
        final int failure;
        final List<TryCatchBlockNode> ranges;
        /** The close at the block's normal end, or null if it cannot end normally. */
        MethodInsnNode normalEnd;
        /** Where the normal end continues after the close, or null. */
        LabelNode continuation;
        /** Stores that make the locals the continuation reads definitely assigned on the suppressing path. */
        final InsnList defaults = new InsnList();

        Block(MethodInsnNode handlerClose, int resource, int failure, List<TryCatchBlockNode> ranges) {
            this.handlerClose = handlerClose;
            this.resource = resource;
            this.failure = failure;
            this.ranges = ranges;
        }
    }

    /** The close where the last range of the block's handler ends, followed by a jump past the block. */
    private void findNormalEnd(Block b) {
        TryCatchBlockNode last = null;
        for (TryCatchBlockNode tcb : b.ranges) {
            if (last == null || method.instructions.indexOf(tcb.end) > method.instructions.indexOf(last.end)) {
                last = tcb;
            }
        }
        AbstractInsnNode i = real(last.end, true);
        if (!(i instanceof VarInsnNode) || i.getOpcode() != Opcodes.ALOAD || ((VarInsnNode) i).var != b.resource) {
            return;
        }
        i = real(i.getNext(), true);
        if (i != null && i.getOpcode() == Opcodes.IFNULL) {
            i = real(i.getNext(), true);
            if (!(i instanceof VarInsnNode) || ((VarInsnNode) i).var != b.resource) {
                return;
            }
            i = real(i.getNext(), true);
        }
        if (!isAsyncClose(i, hierarchy)) {
            return;
        }
        AbstractInsnNode after = real(i.getNext(), true);
        if (after != null && after.getOpcode() == Opcodes.GOTO) {
            b.normalEnd = (MethodInsnNode) i;
            b.continuation = ((JumpInsnNode) after).label;
        }
    }

    /**
     * For each block that can suppress: the locals read after the block that its handler does not have (assigned
     * inside the block, or holding another type) get zero or null on the suppressing path, so the code after the
     * block verifies, as Java's definite assignment would demand.
     */
    private void analyseSuppressTargets(List<Block> blocks) throws AnalyzerException {
        Set<AbstractInsnNode> wanted = new HashSet<>();
        for (Block b : blocks) {
            if (b.continuation != null) {
                wanted.add(real(b.continuation, true));
                wanted.add(b.handlerClose);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        TypeFlow.Result frames = TypeAnalysis.analyze(owner, method, hierarchy, wanted::contains);
        Liveness liveness = Liveness.of(method);
        for (Block b : blocks) {
            if (b.continuation == null) {
                continue;
            }
            int target = method.instructions.indexOf(real(b.continuation, true));
            Frame<BasicValue> there = frames.frame(target);
            Frame<BasicValue> here = frames.frame(method.instructions.indexOf(b.handlerClose));
            if (there == null || here == null) {
                b.continuation = null; // not reachable as compiled: nothing to continue with
                continue;
            }
            BitSet live = liveness.liveBefore(target);
            for (int s = live.nextSetBit(0); s >= 0 && s < there.getLocals(); s = live.nextSetBit(s + 1)) {
                BasicValue need = there.getLocal(s);
                if (need == null || need.getType() == null || need == BasicValue.UNINITIALIZED_VALUE) {
                    continue;
                }
                BasicValue have = here.getLocal(s);
                if (!satisfies(have, need)) {
                    b.defaults.add(zero(need.getType()));
                    b.defaults.add(new VarInsnNode(need.getType().getOpcode(Opcodes.ISTORE), s));
                }
            }
        }
    }

    private boolean satisfies(BasicValue have, BasicValue need) {
        if (have == null || have.getType() == null || have == BasicValue.UNINITIALIZED_VALUE
                || have instanceof TypeAnalysis.Uninitialized) {
            return false;
        }
        Type h = have.getType();
        Type n = need.getType();
        if (h.getSort() != Type.OBJECT && h.getSort() != Type.ARRAY) {
            return h.getSort() == n.getSort()
                    || h.getOpcode(Opcodes.ILOAD) == Opcodes.ILOAD && n.getOpcode(Opcodes.ILOAD) == Opcodes.ILOAD;
        }
        if (n.getSort() != Type.OBJECT && n.getSort() != Type.ARRAY) {
            return false;
        }
        if (h.equals(n) || "Lnull;".equals(h.getDescriptor()) || n.getInternalName().equals("java/lang/Object")) {
            return true;
        }
        return h.getSort() == Type.OBJECT && n.getSort() == Type.OBJECT
                && hierarchy.isSubtype(h.getInternalName(), n.getInternalName());
    }

    private static AbstractInsnNode zero(Type t) {
        switch (t.getSort()) {
            case Type.LONG:
                return new InsnNode(Opcodes.LCONST_0);
            case Type.FLOAT:
                return new InsnNode(Opcodes.FCONST_0);
            case Type.DOUBLE:
                return new InsnNode(Opcodes.DCONST_0);
            case Type.OBJECT:
            case Type.ARRAY:
                return new InsnNode(Opcodes.ACONST_NULL);
            default:
                return new InsnNode(Opcodes.ICONST_0);
        }
    }

    private void rewriteBlock(Block b) {
        // Entry: await r.aenter() once r is stored, before the body's handler range.
        TryCatchBlockNode first = b.ranges.get(0);
        for (TryCatchBlockNode tcb : b.ranges) {
            if (method.instructions.indexOf(tcb.start) < method.instructions.indexOf(first.start)) {
                first = tcb;
            }
        }
        method.instructions.insertBefore(first.start, enter(b.resource));

        // The handler's close: await r.aexit(t), t null meanwhile; true continues after the block.
        dropSuppressingHandler(b);
        int saved = method.maxLocals;
        method.maxLocals++;
        AbstractInsnNode load = real(b.handlerClose.getPrevious(), false);
        InsnList code = new InsnList();
        // ECJ's handler around the block, which this code is in, takes a null primary failure's place with its own.
        code.add(new VarInsnNode(Opcodes.ALOAD, b.failure));
        code.add(new VarInsnNode(Opcodes.ASTORE, saved));
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new VarInsnNode(Opcodes.ASTORE, b.failure));
        code.add(new VarInsnNode(Opcodes.ALOAD, b.resource));
        code.add(new VarInsnNode(Opcodes.ALOAD, saved));
        code.add(aexit());
        code.add(await());
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_SUPPRESSES,
                Names.SUPPORT_SUPPRESSES_DESC, false));
        code.add(new VarInsnNode(Opcodes.ALOAD, saved));
        code.add(new VarInsnNode(Opcodes.ASTORE, b.failure));
        if (b.continuation != null) {
            LabelNode rethrow = new LabelNode();
            code.add(new JumpInsnNode(Opcodes.IFEQ, rethrow));
            code.add(b.defaults);
            code.add(new JumpInsnNode(Opcodes.GOTO, b.continuation));
            code.add(rethrow);
        } else {
            code.add(new InsnNode(Opcodes.POP));
        }
        method.instructions.insertBefore(load, code);
        method.instructions.remove(load);
        method.instructions.remove(b.handlerClose);
    }

    /** javac's handler around the handler's close, which adds a failure of the close to t as suppressed. */
    private void dropSuppressingHandler(Block b) {
        int at = method.instructions.indexOf(b.handlerClose);
        method.tryCatchBlocks.removeIf(tcb -> method.instructions.indexOf(tcb.start) <= at
                && at < method.instructions.indexOf(tcb.end) && addsSuppressedTo(tcb.handler, b.failure));
    }

    private static boolean addsSuppressedTo(LabelNode handler, int failure) {
        AbstractInsnNode store = real(handler, true);
        if (!(store instanceof VarInsnNode) || store.getOpcode() != Opcodes.ASTORE) {
            return false;
        }
        AbstractInsnNode a = real(store.getNext(), true);
        AbstractInsnNode b = a == null ? null : real(a.getNext(), true);
        AbstractInsnNode call = b == null ? null : real(b.getNext(), true);
        return a instanceof VarInsnNode && a.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) a).var == failure
                && b instanceof VarInsnNode && ((VarInsnNode) b).var == ((VarInsnNode) store).var
                && call instanceof MethodInsnNode && "addSuppressed".equals(((MethodInsnNode) call).name);
    }

    /**
     * A close with no handler of its own (javac leaves an empty block without one): if {@code r} was stored right
     * before it, {@code aenter} is awaited there.
     */
    private void enterIfBareBlock(MethodInsnNode close, List<Block> blocks) {
        AbstractInsnNode load = real(close.getPrevious(), false);
        if (!(load instanceof VarInsnNode) || load.getOpcode() != Opcodes.ALOAD) {
            return;
        }
        for (Block b : blocks) {
            if (b.normalEnd == close) {
                return;
            }
        }
        int resource = ((VarInsnNode) load).var;
        AbstractInsnNode p = real(load.getPrevious(), false);
        if (p != null && p.getOpcode() == Opcodes.IFNULL) {
            AbstractInsnNode check = real(p.getPrevious(), false);
            p = check instanceof VarInsnNode && ((VarInsnNode) check).var == resource
                    ? real(check.getPrevious(), false) : null;
        }
        if (p instanceof VarInsnNode && p.getOpcode() == Opcodes.ASTORE && ((VarInsnNode) p).var == resource) {
            method.instructions.insert(p, enter(resource));
        }
    }

    /** {@code close()} on the normal way out: {@code await(r.aexit(null))}, its answer ignored, as Python does. */
    private void exitNormally(MethodInsnNode close) {
        InsnList code = new InsnList();
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(aexit());
        code.add(await());
        code.add(new InsnNode(Opcodes.POP));
        method.instructions.insertBefore(close, code);
        method.instructions.remove(close);
    }

    private static InsnList enter(int resource) {
        InsnList code = new InsnList();
        LabelNode skip = new LabelNode();
        code.add(new VarInsnNode(Opcodes.ALOAD, resource));
        code.add(new JumpInsnNode(Opcodes.IFNULL, skip));
        code.add(new VarInsnNode(Opcodes.ALOAD, resource));
        code.add(new MethodInsnNode(Opcodes.INVOKEINTERFACE, Names.ASYNC_CLOSEABLE, Names.AENTER, Names.AENTER_DESC,
                true));
        code.add(await());
        code.add(new InsnNode(Opcodes.POP));
        code.add(skip);
        return code;
    }

    private static MethodInsnNode aexit() {
        return new MethodInsnNode(Opcodes.INVOKEINTERFACE, Names.ASYNC_CLOSEABLE, Names.AEXIT, Names.AEXIT_DESC, true);
    }

    private static MethodInsnNode await() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNCIO, Names.AWAIT, Names.AWAIT_AWAITABLE_DESC, false);
    }

    /**
     * The nearest instruction from {@code from} (included) forwards or backwards, passing over labels, line numbers
     * and frames.
     */
    static AbstractInsnNode real(AbstractInsnNode from, boolean forward) {
        AbstractInsnNode i = from;
        while (i != null && (i instanceof LabelNode || i instanceof LineNumberNode || i instanceof FrameNode)) {
            i = forward ? i.getNext() : i.getPrevious();
        }
        return i;
    }
}
