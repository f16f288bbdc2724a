package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where try-with-resources closes a resource because its block failed, whichever compiler laid it out: a
 * close that no normal path from the method's start reaches, that a catch-all handler reaches without another
 * exception edge, and that is followed by the rethrow of the failure ({@code ALOAD t; ATHROW}, after jumps). javac
 * stores the caught failure right before the close; ECJ, for all but the innermost resource, first merges it into
 * the primary failure, which it then rethrows; both shapes answer the same questions here.
 */
final class TryWithResources {

    /** A handler's close: the resource's slot, the failure's slot, the handler whose ranges cover the block. */
    static final class HandlerClose {
        final MethodInsnNode close;
        final int resource;
        final int failure;
        final LabelNode handler;

        HandlerClose(MethodInsnNode close, int resource, int failure, LabelNode handler) {
            this.close = close;
            this.resource = resource;
            this.failure = failure;
            this.handler = handler;
        }
    }

    private TryWithResources() {
    }

    /** The handler closes among {@code closes} (calls of {@code close()} in {@code method}), by call. */
    static Map<MethodInsnNode, HandlerClose> handlerCloses(MethodNode method, List<MethodInsnNode> closes) {
        Map<MethodInsnNode, HandlerClose> found = new LinkedHashMap<>();
        if (closes.isEmpty() || method.tryCatchBlocks.isEmpty()) {
            return found;
        }
        Set<AbstractInsnNode> fromStart = reach(method.instructions.getFirst());
        Map<LabelNode, Set<AbstractInsnNode>> fromHandler = new LinkedHashMap<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if ((tcb.type == null || "java/lang/Throwable".equals(tcb.type)) && !fromHandler.containsKey(tcb.handler)) {
                fromHandler.put(tcb.handler, reach(tcb.handler));
            }
        }
        for (MethodInsnNode close : closes) {
            AbstractInsnNode load = AsyncWithRewriter.real(close.getPrevious(), false);
            if (fromStart.contains(close) || !(load instanceof VarInsnNode) || load.getOpcode() != Opcodes.ALOAD) {
                continue;
            }
            int failure = rethrown(close);
            LabelNode handler = nearestHandler(method, close, fromHandler);
            if (failure >= 0 && handler != null) {
                found.put(close, new HandlerClose(close, ((VarInsnNode) load).var, failure, handler));
            }
        }
        return found;
    }

    /** The handler reaching {@code close} that starts closest before it. */
    private static LabelNode nearestHandler(MethodNode method, AbstractInsnNode close,
                                            Map<LabelNode, Set<AbstractInsnNode>> fromHandler) {
        int at = method.instructions.indexOf(close);
        LabelNode best = null;
        int bestAt = -1;
        for (Map.Entry<LabelNode, Set<AbstractInsnNode>> e : fromHandler.entrySet()) {
            int h = method.instructions.indexOf(e.getKey());
            if (e.getValue().contains(close) && h < at && h > bestAt) {
                best = e.getKey();
                bestAt = h;
            }
        }
        return best;
    }

    /** The slot {@code t} of the {@code ALOAD t; ATHROW} the code after {@code close} comes to, or -1. */
    private static int rethrown(AbstractInsnNode close) {
        AbstractInsnNode i = AsyncWithRewriter.real(close.getNext(), true);
        for (int hops = 0; i != null && hops < 4; hops++) {
            if (i.getOpcode() == Opcodes.GOTO) {
                i = AsyncWithRewriter.real(((JumpInsnNode) i).label, true);
                continue;
            }
            AbstractInsnNode next = AsyncWithRewriter.real(i.getNext(), true);
            if (i.getOpcode() == Opcodes.ALOAD && next != null && next.getOpcode() == Opcodes.ATHROW) {
                return ((VarInsnNode) i).var;
            }
            return -1;
        }
        return -1;
    }

    /** The instructions reachable from {@code start} without an exception edge. */
    private static Set<AbstractInsnNode> reach(AbstractInsnNode start) {
        Set<AbstractInsnNode> seen = new HashSet<>();
        Deque<AbstractInsnNode> work = new ArrayDeque<>();
        work.push(start);
        while (!work.isEmpty()) {
            AbstractInsnNode i = work.pop();
            while (i != null && seen.add(i)) {
                int op = i.getOpcode();
                if (i instanceof JumpInsnNode) {
                    work.push(((JumpInsnNode) i).label);
                    if (op == Opcodes.GOTO) {
                        break;
                    }
                } else if (i instanceof TableSwitchInsnNode) {
                    work.push(((TableSwitchInsnNode) i).dflt);
                    ((TableSwitchInsnNode) i).labels.forEach(work::push);
                    break;
                } else if (i instanceof LookupSwitchInsnNode) {
                    work.push(((LookupSwitchInsnNode) i).dflt);
                    ((LookupSwitchInsnNode) i).labels.forEach(work::push);
                    break;
                } else if (op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                    break;
                }
                i = i.getNext();
            }
        }
        return seen;
    }

    /** The ranges of {@code handler}: the block's body. */
    static List<TryCatchBlockNode> ranges(MethodNode method, LabelNode handler) {
        List<TryCatchBlockNode> found = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (tcb.handler == handler) {
                found.add(tcb);
            }
        }
        return found;
    }
}
