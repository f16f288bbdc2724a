package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One await in a body: its number (the label the body resumes from), where it is, and what must survive it: the
 * live locals and the operand stack entries below the awaited value ({@code f(a, await(x), b)} keeps {@code a}).
 */
final class AwaitSite {

    final int number;
    final MethodInsnNode call;
    final int line;
    final List<Slot> locals = new ArrayList<>();
    /** Bottom of the stack first. */
    final List<Slot> stack = new ArrayList<>();

    AwaitSite(int number, MethodInsnNode call, int line) {
        this.number = number;
        this.call = call;
        this.line = line;
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
