package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One await in a body: its number (the label the body resumes from), where it is, and what must survive it: the
 * live locals and the operand stack entries below the awaited value ({@code f(a, await(x), b)} keeps {@code a}).
 */
final class AwaitSite {

    /**
     * A direct entry: the synthetic static method that runs an async method's body without a frame. That of an
     * instance method takes the receiver as its first argument.
     */
    static final class DirectEntry {
        final String name;
        final String desc;
        /** Whether it is the entry of an instance method, called with INVOKEVIRTUAL / INVOKESPECIAL in the source. */
        final boolean instance;

        DirectEntry(String name, String desc, boolean instance) {
            this.name = name;
            this.desc = desc;
            this.instance = instance;
        }
    }

    final int number;
    final MethodInsnNode call;
    /**
     * For {@code await(f(...))} on an async method of this class with a direct entry (on {@code this}, for an
     * instance method): the call to f, else null.
     */
    MethodInsnNode directCall;
    /** The direct entry to call instead, else null. */
    DirectEntry direct;
    /** For {@code await(sleep(d))}: the call to sleep, compiled as an intrinsic with no coroutine object. */
    MethodInsnNode sleepCall;
    /** For {@code await(emit(v))} in an async generator's body: the call to emit, an intrinsic. */
    MethodInsnNode emitCall;
    final int line;
    final List<Slot> locals = new ArrayList<>();
    /** Bottom of the stack first. */
    final List<Slot> stack = new ArrayList<>();

    AwaitSite(int number, MethodInsnNode call, int line) {
        this.number = number;
        this.call = call;
        this.line = line;
    }

    /** The same site in a copy of the method, whose instructions stand at the same indexes. */
    AwaitSite inCopy(org.objectweb.asm.tree.InsnList original, org.objectweb.asm.tree.InsnList copy) {
        AwaitSite s = new AwaitSite(number, (MethodInsnNode) copy.get(original.indexOf(call)), line);
        s.directCall = directCall == null ? null : (MethodInsnNode) copy.get(original.indexOf(directCall));
        s.direct = direct;
        s.sleepCall = sleepCall == null ? null : (MethodInsnNode) copy.get(original.indexOf(sleepCall));
        s.emitCall = emitCall == null ? null : (MethodInsnNode) copy.get(original.indexOf(emitCall));
        s.locals.addAll(locals);
        s.stack.addAll(stack);
        return s;
    }

    /** How many reference fields this site fills. */
    int referenceCount() {
        int n = 0;
        for (Slot s : locals) {
            n += s.kind == 'A' ? 1 : 0;
        }
        for (Slot s : stack) {
            n += s.kind == 'A' ? 1 : 0;
        }
        return n;
    }

    /** Gives every saved value a field, reusing field names across sites: fields are per kind, numbered per site. */
    void assignFields(int[] maxPerKind) {
        int[] next = new int[Slot.KINDS.length()];
        for (Slot s : locals) {
            assign(s, next);
        }
        for (Slot s : stack) {
            assign(s, next);
        }
        for (int k = 0; k < next.length; k++) {
            maxPerKind[k] = Math.max(maxPerKind[k], next[k]);
        }
    }

    private static void assign(Slot s, int[] next) {
        if (s.isNullConstant()) {
            return;
        }
        int k = Slot.KINDS.indexOf(s.kind);
        s.field = String.valueOf(s.kind) + next[k]++;
    }
}
