package dev.jasyncio.transformer.internal.asm;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.internal.rules.Texts;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites one async body (an {@code @Async} method or an async lambda) into a factory, a body method and a frame
 * class. Passes, in order: normalise the returns, analyse types and liveness, find what each await must save
 * (refusing what cannot be saved), rewrite the body, emit the frame class, turn the method into the factory.
 */
final class AsyncMethodTransformer {

    /** What one rewrite produced: the methods to add and the frame class to write. */
    static final class Output {
        final MethodNode body;
        /** The direct entry, or null for a method that has none. */
        final MethodNode direct;
        /** The frame class as a tree: the gate checks it before it is written. */
        final ClassNode frameClass;

        Output(MethodNode body, MethodNode direct, ClassNode frameClass) {
            this.body = body;
            this.direct = direct;
            this.frameClass = frameClass;
        }
    }

    private final ClassNode owner;
    private final ClassHierarchy hierarchy;
    private final String sourcePath;
    private final List<Diagnostic> diagnostics;
    /** The async methods of this class with a direct entry, by name + descriptor. */
    private final Map<String, AwaitSite.DirectEntry> directEntries;

    AsyncMethodTransformer(ClassNode owner, ClassHierarchy hierarchy, String sourcePath, List<Diagnostic> diagnostics,
                           Map<String, AwaitSite.DirectEntry> directEntries) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.sourcePath = sourcePath;
        this.diagnostics = diagnostics;
        this.directEntries = directEntries;
    }

    /**
     * Rewrites {@code method} in place into its factory; null (with diagnostics) if it cannot be transformed.
     * {@code direct} names its direct entry, or is null if it gets none.
     */
    Output transform(MethodNode method, String frameClass, String bodyName, AwaitSite.DirectEntry direct)
            throws AnalyzerException {
        MethodNode work = copyOf(method);
        if (hasSubroutine(work)) {
            diagnostics.add(Texts.UNSUPPORTED_BYTECODE.at(sourcePath, Lines.first(method), 0, method.name));
            return null;
        }
        boolean generator = returnsGenerator(method);
        Set<AbstractInsnNode> returnAwaits = Set.of();
        if (generator) {
            endGeneratorReturns(work);
        } else {
            returnAwaits = normaliseReturns(work);
        }
        AsyncWithRewriter.rewrite(owner.name, work, hierarchy);
        AsyncForRewriter.rewrite(work);

        // Frames at calls: awaits need theirs, and constructor calls tell which allocation they complete.
        TypeFlow.Result frames = TypeAnalysis.analyze(owner.name, work, hierarchy, AsyncMethodTransformer::isCall);
        // Allocations kept in locals are moved first, then the ones on the stack: each move needs fresh states.
        for (int pass = 0; pass < 2 && ConstructorRelocation.relocate(owner.name, work, frames, hierarchy); pass++) {
            frames = TypeAnalysis.analyze(owner.name, work, hierarchy, AsyncMethodTransformer::isCall);
        }
        Liveness liveness = Liveness.of(work);
        int[] monitors = MonitorCheck.depths(work);

        List<AwaitSite> sites = new ArrayList<>();
        Set<LabelNode> targets = JumpTargets.of(work);
        ReceiverAnalysis receivers = callsOnReceiverPossible(work) ? ReceiverAnalysis.of(owner.name, work) : null;
        boolean ok = true;
        int index = 0;
        for (AbstractInsnNode insn = work.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
            if (!(insn instanceof MethodInsnNode)) {
                continue;
            }
            MethodInsnNode call = (MethodInsnNode) insn;
            if (!Names.isAwait(call.getOpcode(), call.owner, call.name, call.desc)) {
                continue;
            }
            Frame<BasicValue> frame = frames.frame(index);
            if (frame == null) {
                continue; // unreachable: the frame computation turns it into dead code
            }
            int line = Lines.of(insn, work);
            if (monitors[index] > 0) {
                diagnostics.add(Texts.AWAIT_IN_SYNCHRONIZED_BLOCK.at(sourcePath, line, 0));
                ok = false;
                continue;
            }
            if (returnAwaits.contains(call) && isNull(frame.getStack(frame.getStackSize() - 1))) {
                diagnostics.add(Texts.RETURN_NULL_IN_ASYNC.at(sourcePath, line, 0, method.name.startsWith("lambda$")
                        ? "an async lambda" : "@Async method " + method.name));
                ok = false;
                continue;
            }
            AwaitSite site = new AwaitSite(sites.size() + 1, call, line);
            findDirectCall(site, targets, receivers);
            if (generator) {
                findEmit(site, targets);
            }
            ok &= collect(site, frame, liveness.liveBefore(index));
            sites.add(site);
        }
        if (!ok) {
            return null;
        }
        int[] fieldsPerKind = new int[Slot.KINDS.length()];
        for (AwaitSite site : sites) {
            site.assignFields(fieldsPerKind);
        }

        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        boolean ownerIsInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        String originalDesc = method.desc;
        int bodyAccess = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | (ownerIsInterface ? Opcodes.ACC_PUBLIC : 0);
        MethodNode directWork = null;
        List<AwaitSite> directSites = new ArrayList<>();
        if (direct != null) {
            directWork = copyOf(work);
            for (AwaitSite site : sites) {
                directSites.add(site.inCopy(work.instructions, directWork.instructions));
            }
        }
        new BodyRewriter(work, owner.name, ownerIsInterface, frameClass, fieldsPerKind[Slot.KINDS.indexOf('A')]).rewrite(sites, bodyName, bodyAccess);

        String displayName = simpleName(owner.name) + "." + displayMethodName(method.name);
        ClassNode frameTree = FrameClassEmitter.emit(owner.version, frameClass, owner.name, ownerIsInterface,
                originalDesc, isStatic, work.name, work.desc, fieldsPerKind, displayName, owner.sourceFile, sites);
        hierarchy.define(frameTree);
        if (!framed(work, method)) {
            return null;
        }
        if (directWork != null) {
            new DirectEntryRewriter(directWork, owner.name, ownerIsInterface, frameClass,
                    FrameClassEmitter.constructorDescriptor(owner.name, originalDesc, isStatic),
                    fieldsPerKind[Slot.KINDS.indexOf('A')])
                    .rewrite(directSites, direct.name, bodyAccess);
            if (!framed(directWork, method)) {
                return null;
            }
        }

        FactoryEmitter.emit(method, owner.name, frameClass, Lines.first(method));
        return new Output(work, directWork, frameTree);
    }

    /**
     * Marks {@code await(f(...))} where f has a direct entry, and {@code await(sleep(d))}, which needs no coroutine:
     * the call right before the await. An instance f is called directly only on {@code this} ({@code receivers}
     * proves it): its entry is static, and would not throw the NullPointerException a call on null throws.
     */
    private void findDirectCall(AwaitSite site, Set<LabelNode> targets, ReceiverAnalysis receivers) {
        AbstractInsnNode p = JumpTargets.onlyWayInto(site.call, targets);
        if (!(p instanceof MethodInsnNode)) {
            return;
        }
        MethodInsnNode call = (MethodInsnNode) p;
        if (call.getOpcode() == Opcodes.INVOKESTATIC && Names.ASYNCIO.equals(call.owner)
                && Names.SLEEP.equals(call.name) && Names.SLEEP_DESC.equals(call.desc)) {
            site.sleepCall = call;
            return;
        }
        if (!call.owner.equals(owner.name)) {
            return;
        }
        AwaitSite.DirectEntry entry = directEntries.get(call.name + call.desc);
        if (entry == null) {
            return;
        }
        boolean matches = entry.instance
                ? isInstanceCall(call.getOpcode()) && receivers != null && receivers.onThis(call)
                : call.getOpcode() == Opcodes.INVOKESTATIC;
        if (matches) {
            site.directCall = call;
            site.direct = entry;
        }
    }

    /**
     * {@code await(emit(v))} in an async generator's body: the call to emit, compiled as an intrinsic that hands the
     * value over with no coroutine object.
     */
    private static void findEmit(AwaitSite site, Set<LabelNode> targets) {
        AbstractInsnNode p = JumpTargets.onlyWayInto(site.call, targets);
        if (p instanceof MethodInsnNode && p.getOpcode() == Opcodes.INVOKESTATIC
                && Names.ASYNCIO.equals(((MethodInsnNode) p).owner) && Names.EMIT.equals(((MethodInsnNode) p).name)
                && Names.EMIT_DESC.equals(((MethodInsnNode) p).desc)) {
            site.emitCall = (MethodInsnNode) p;
        }
    }

    /**
     * An async generator's {@code return AsyncGenerator.end()} ends its body: the body's result is null. Any other
     * generator returned is dropped likewise (a generator's body has no value of its own to return).
     */
    private static void endGeneratorReturns(MethodNode work) {
        Set<LabelNode> targets = JumpTargets.of(work);
        List<AbstractInsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode i = work.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.ARETURN) {
                returns.add(i);
            }
        }
        for (AbstractInsnNode ret : returns) {
            AbstractInsnNode p = JumpTargets.onlyWayInto(ret, targets);
            if (p instanceof MethodInsnNode && p.getOpcode() == Opcodes.INVOKESTATIC
                    && Names.ASYNC_GENERATOR.equals(((MethodInsnNode) p).owner)
                    && Names.GENERATOR_END.equals(((MethodInsnNode) p).name)) {
                work.instructions.set(p, new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL));
            } else {
                work.instructions.insertBefore(ret, new org.objectweb.asm.tree.InsnNode(Opcodes.POP));
                work.instructions.insertBefore(ret, new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL));
            }
        }
    }

    /** Whether {@code method} is an instance method calling some instance async method of this class on anything. */
    private boolean callsOnReceiverPossible(MethodNode method) {
        if ((method.access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode && isInstanceCall(i.getOpcode())) {
                MethodInsnNode call = (MethodInsnNode) i;
                AwaitSite.DirectEntry entry = call.owner.equals(owner.name)
                        ? directEntries.get(call.name + call.desc) : null;
                if (entry != null && entry.instance) {
                    return true;
                }
            }
        }
        return false;
    }

    /** javac and ECJ call a private method with either, depending on their version. */
    private static boolean isInstanceCall(int opcode) {
        return opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKESPECIAL;
    }

    /** Records what must survive one await; false (with a diagnostic) if something cannot be saved. */
    private boolean collect(AwaitSite site, Frame<BasicValue> frame, BitSet live) {
        for (int slot = live.nextSetBit(0); slot >= 0; slot = live.nextSetBit(slot + 1)) {
            if (slot >= frame.getLocals()) {
                break;
            }
            BasicValue v = frame.getLocal(slot);
            if (v == null || v.getType() == null || v == BasicValue.UNINITIALIZED_VALUE) {
                continue;
            }
            if (!saveable(site, v)) {
                return false;
            }
            site.locals.add(new Slot(slot, v).accessibleFrom(owner.name, hierarchy));
        }
        for (int i = 0; i < frame.getStackSize() - 1; i++) {
            BasicValue v = frame.getStack(i);
            if (!saveable(site, v)) {
                return false;
            }
            site.stack.add(new Slot(-1, v).accessibleFrom(owner.name, hierarchy));
        }
        return true;
    }

    private boolean saveable(AwaitSite site, BasicValue v) {
        if (v instanceof TypeAnalysis.Uninitialized) {
            String type = v.getType().getClassName();
            diagnostics.add(Texts.AWAIT_IN_CONSTRUCTOR_CALL.at(sourcePath, site.line, 0,
                    type.substring(type.lastIndexOf('.') + 1)));
            return false;
        }
        return true;
    }

    /**
     * {@code return Coroutine.of(v)} becomes {@code return v}; any other {@code return coroutine} becomes
     * {@code return await(coroutine)}, so an async method may end by delegating to another. Returns the awaits it
     * added, where a {@code null} returned is refused.
     */
    private static Set<AbstractInsnNode> normaliseReturns(MethodNode work) {
        Set<AbstractInsnNode> inserted = new java.util.HashSet<>();
        Set<LabelNode> targets = JumpTargets.of(work);
        List<AbstractInsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode i = work.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.ARETURN) {
                returns.add(i);
            }
        }
        for (AbstractInsnNode ret : returns) {
            AbstractInsnNode p = JumpTargets.onlyWayInto(ret, targets);
            if (p instanceof MethodInsnNode && Names.isCoroutineOf(p.getOpcode(), ((MethodInsnNode) p).owner,
                    ((MethodInsnNode) p).name, ((MethodInsnNode) p).desc)) {
                work.instructions.remove(p);
            } else {
                MethodInsnNode await = new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNCIO, Names.AWAIT,
                        Names.AWAIT_AWAITABLE_DESC, false);
                work.instructions.insertBefore(ret, await);
                inserted.add(await);
            }
        }
        return inserted;
    }

    /** The value of the {@code null} constant, before any merge gave it a type. */
    private static boolean isNull(BasicValue v) {
        return v != null && v.getType() != null && v.getType().getSort() == Type.OBJECT
                && "null".equals(v.getType().getInternalName());
    }

    private static MethodNode copyOf(MethodNode m) {
        MethodNode copy = new MethodNode(Names.ASM_API, m.access, m.name, m.desc, m.signature,
                m.exceptions.toArray(new String[0]));
        m.accept(copy);
        copy.maxLocals = m.maxLocals;
        copy.maxStack = m.maxStack;
        return copy;
    }

    /**
     * Gives a rewritten method its stack map frames; the analysis behind them is also the check that the method
     * verifies. A method that does not is a transformer bug: reported, and the class is left as it is.
     */
    private boolean framed(MethodNode rewritten, MethodNode original) {
        try {
            StackMapFrames.compute(owner.name, rewritten, hierarchy);
            return true;
        } catch (AnalyzerException e) {
            diagnostics.add(Texts.TRANSFORMED_METHOD_FAILS_VERIFICATION.at(sourcePath, Lines.first(original), 0,
                    simpleName(owner.name) + "." + rewritten.name + rewritten.desc, e.getMessage()));
            return false;
        }
    }

    private static boolean isCall(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode;
    }

    private static boolean hasSubroutine(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.JSR || i.getOpcode() == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** {@code lambda$main$0} reads better as {@code main.lambda}. */
    private static String displayMethodName(String name) {
        if (name.startsWith("lambda$")) {
            String rest = name.substring("lambda$".length());
            int dollar = rest.indexOf('$');
            return (dollar > 0 ? rest.substring(0, dollar) : rest) + ".lambda";
        }
        return name;
    }

    /** Whether a method's return type is {@code AsyncGenerator}: an async generator when {@code @Async}. */
    static boolean returnsGenerator(MethodNode m) {
        return Names.ASYNC_GENERATOR_DESC.equals(Type.getReturnType(m.desc).getDescriptor());
    }

    /** Whether a method's return type is {@code Coroutine}. */
    static boolean returnsCoroutine(MethodNode m) {
        return Names.COROUTINE_DESC.equals(Type.getReturnType(m.desc).getDescriptor());
    }
}
