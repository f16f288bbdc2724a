package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code async for}: {@code for (T x : aiter(source))} in an async body, turned into plain awaits before the body
 * is rewritten. Both javac and ECJ compile it as {@code aiter(source).iterator()} stored in a local, and a loop
 * testing {@code it.hasNext()}; this pass
 * <ul>
 *   <li>makes each such {@code it.hasNext()} an await of the source's step:
 *       {@code isTrue(await(asyncHasNext(it)))};</li>
 *   <li>closes an async generator source on every way out of the loop (the end, a jump out, a return, an
 *       exception): {@code await(closeAsyncFor(it))}, which does nothing for a finished generator or another
 *       source, so a generator left early runs its {@code finally} blocks.</li>
 * </ul>
 */
final class AsyncForRewriter {

    private final MethodNode method;

    private AsyncForRewriter(MethodNode method) {
        this.method = method;
    }

    /** Rewrites the async for loops of {@code method}, an async body. */
    static void rewrite(MethodNode method) {
        new AsyncForRewriter(method).run();
    }

    /** The first {@code aiter(...)} call of {@code m}, or null. */
    static AbstractInsnNode firstAiter(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode && Names.isAiter(i.getOpcode(), ((MethodInsnNode) i).owner,
                    ((MethodInsnNode) i).name, ((MethodInsnNode) i).desc)) {
                return i;
            }
        }
        return null;
    }

    private void run() {
        List<VarInsnNode> stores = new ArrayList<>();
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; i = i.getNext()) {
            if (!(i instanceof MethodInsnNode) || !Names.isAiter(i.getOpcode(), ((MethodInsnNode) i).owner,
                    ((MethodInsnNode) i).name, ((MethodInsnNode) i).desc)) {
                continue;
            }
            AbstractInsnNode iterator = AsyncWithRewriter.real(i.getNext(), true);
            AbstractInsnNode store = iterator == null ? null : AsyncWithRewriter.real(iterator.getNext(), true);
            if (iterator instanceof MethodInsnNode && "iterator".equals(((MethodInsnNode) iterator).name)
                    && store != null && store.getOpcode() == Opcodes.ASTORE) {
                stores.add((VarInsnNode) store);
            }
        }
        for (VarInsnNode store : stores) {
            loop(store);
        }
    }

    /** One loop: its iterator is stored by {@code store}; its tests follow until the slot is stored again. */
    private void loop(VarInsnNode store) {
        int slot = store.var;
        List<MethodInsnNode> tests = new ArrayList<>();
        for (AbstractInsnNode i = store.getNext(); i != null; i = i.getNext()) {
            if (i instanceof VarInsnNode && i.getOpcode() == Opcodes.ASTORE && ((VarInsnNode) i).var == slot) {
                break;
            }
            if (i instanceof MethodInsnNode && "hasNext".equals(((MethodInsnNode) i).name)
                    && "()Z".equals(((MethodInsnNode) i).desc)) {
                AbstractInsnNode load = AsyncWithRewriter.real(i.getPrevious(), false);
                if (load instanceof VarInsnNode && load.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) load).var == slot) {
                    tests.add((MethodInsnNode) i);
                }
            }
        }
        if (tests.isEmpty()) {
            return;
        }
        AbstractInsnNode end = regionEnd(store, tests.get(tests.size() - 1));
        closeOnExit(store, end, slot);
        for (MethodInsnNode test : tests) {
            InsnList code = new InsnList();
            code.add(support(Names.SUPPORT_ASYNC_HAS_NEXT));
            code.add(await());
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, Names.SUPPORT_IS_TRUE,
                    Names.SUPPORT_IS_TRUE_DESC, false));
            method.instructions.insertBefore(test, code);
            method.instructions.remove(test);
        }
    }

    /**
     * The loop's last instruction: its back edge (javac: a {@code GOTO} to the test) or its test's jump back into
     * the body (ECJ: the test at the bottom), whichever comes last.
     */
    private AbstractInsnNode regionEnd(VarInsnNode store, MethodInsnNode test) {
        InsnList code = method.instructions;
        int from = code.indexOf(store);
        int testAt = code.indexOf(test);
        AbstractInsnNode end = AsyncWithRewriter.real(test.getNext(), true);
        int endAt = code.indexOf(end);
        for (AbstractInsnNode i = end; i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode) {
                int target = code.indexOf(((JumpInsnNode) i).label);
                if (target > from && target <= testAt && code.indexOf(i) > endAt) {
                    end = i;
                    endAt = code.indexOf(i);
                }
            }
        }
        return end;
    }

    /** Inserts the close on every way out of the instructions after {@code store} up to {@code end}. */
    private void closeOnExit(VarInsnNode store, AbstractInsnNode end, int slot) {
        InsnList code = method.instructions;
        int from = code.indexOf(store);
        int to = code.indexOf(end);
        List<AbstractInsnNode> region = new ArrayList<>();
        for (AbstractInsnNode i = store.getNext(); i != null; i = i.getNext()) {
            region.add(i);
            if (i == end) {
                break;
            }
        }
        Map<LabelNode, LabelNode> stubs = new IdentityHashMap<>();
        InsnList tail = new InsnList();
        for (AbstractInsnNode i : region) {
            if (i instanceof JumpInsnNode) {
                JumpInsnNode j = (JumpInsnNode) i;
                j.label = outside(j.label, from, to, stubs, tail, slot);
            } else if (i instanceof TableSwitchInsnNode) {
                TableSwitchInsnNode s = (TableSwitchInsnNode) i;
                s.dflt = outside(s.dflt, from, to, stubs, tail, slot);
                s.labels.replaceAll(l -> outside(l, from, to, stubs, tail, slot));
            } else if (i instanceof LookupSwitchInsnNode) {
                LookupSwitchInsnNode s = (LookupSwitchInsnNode) i;
                s.dflt = outside(s.dflt, from, to, stubs, tail, slot);
                s.labels.replaceAll(l -> outside(l, from, to, stubs, tail, slot));
            } else if (i.getOpcode() >= Opcodes.IRETURN && i.getOpcode() <= Opcodes.RETURN) {
                code.insertBefore(i, close(slot));
            }
        }
        int op = end.getOpcode();
        boolean fallsOut = op != Opcodes.GOTO && op != Opcodes.ATHROW && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                && !(end instanceof TableSwitchInsnNode) && !(end instanceof LookupSwitchInsnNode);
        // Failures leaving the loop: a catch-all around it, before the handlers of enclosing blocks. The closing
        // code goes right after the loop, inside whatever ranges enclose the loop, so their handlers still see
        // what it throws or rethrows.
        LabelNode start = new LabelNode();
        LabelNode stop = new LabelNode();
        LabelNode handler = new LabelNode();
        int failure = method.maxLocals++;
        InsnList after = new InsnList();
        after.add(stop);
        LabelNode past = new LabelNode();
        if (fallsOut) {
            after.add(close(slot));
            after.add(new JumpInsnNode(Opcodes.GOTO, past));
        }
        after.add(tail);
        after.add(handler);
        after.add(new VarInsnNode(Opcodes.ASTORE, failure));
        after.add(close(slot));
        after.add(new VarInsnNode(Opcodes.ALOAD, failure));
        after.add(new InsnNode(Opcodes.ATHROW));
        after.add(past);
        code.insert(store, start);
        code.insert(end, after);
        TryCatchBlockNode catchAll = new TryCatchBlockNode(start, stop, handler, null);
        int at = method.tryCatchBlocks.size();
        for (int k = 0; k < method.tryCatchBlocks.size(); k++) {
            TryCatchBlockNode tcb = method.tryCatchBlocks.get(k);
            if (code.indexOf(tcb.start) <= from && code.indexOf(tcb.end) > from) {
                at = k;
                break;
            }
        }
        method.tryCatchBlocks.add(at, catchAll);
    }

    /** {@code target} if inside the loop, else a stub that closes the source, then goes to {@code target}. */
    private LabelNode outside(LabelNode target, int from, int to, Map<LabelNode, LabelNode> stubs, InsnList tail,
                              int slot) {
        int at = method.instructions.indexOf(target);
        if (at > from && at <= to) {
            return target;
        }
        return stubs.computeIfAbsent(target, t -> {
            LabelNode stub = new LabelNode();
            tail.add(stub);
            tail.add(close(slot));
            tail.add(new JumpInsnNode(Opcodes.GOTO, t));
            return stub;
        });
    }

    private static InsnList close(int slot) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, slot));
        code.add(support(Names.SUPPORT_CLOSE_ASYNC_FOR));
        code.add(await());
        code.add(new InsnNode(Opcodes.POP));
        return code;
    }

    private static MethodInsnNode support(String name) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNC_SUPPORT, name,
                Names.SUPPORT_ITERATOR_AWAITABLE_DESC, false);
    }

    private static MethodInsnNode await() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, Names.ASYNCIO, Names.AWAIT, Names.AWAIT_AWAITABLE_DESC, false);
    }
}
