package dev.jasyncio.transformer.internal.asm;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.internal.rules.Texts;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The suspension points other than {@code await} that Java syntax carries: {@code async with} (try-with-resources
 * over an {@code AsyncCloseable}) and {@code async for} ({@code for (x : aiter(source))}). They make a lambda
 * returning {@code Coroutine} an async body even without an await, and outside an async body they are refused:
 * nothing there can suspend.
 */
final class AsyncConstructs {

    private AsyncConstructs() {
    }

    /** The first async construct of {@code m}, or null. */
    static AbstractInsnNode first(MethodNode m, ClassHierarchy hierarchy) {
        AbstractInsnNode aiter = AsyncForRewriter.firstAiter(m);
        if (aiter != null) {
            return aiter;
        }
        List<MethodInsnNode> blocks = asyncWithBlocks(m, hierarchy);
        return blocks.isEmpty() ? null : blocks.get(0);
    }

    /** Reports each async construct in {@code m}, a method that is not an async body. */
    static void reportOutsideAsync(ClassNode cn, MethodNode m, String sourcePath, ClassHierarchy hierarchy,
                                   List<Diagnostic> diagnostics) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode && Names.isAiter(i.getOpcode(), ((MethodInsnNode) i).owner,
                    ((MethodInsnNode) i).name, ((MethodInsnNode) i).desc)) {
                diagnostics.add(Texts.ASYNC_FOR_OUTSIDE_ASYNC.at(sourcePath, Lines.of(i, m), 0, describe(cn, m)));
            }
        }
        for (MethodInsnNode close : asyncWithBlocks(m, hierarchy)) {
            diagnostics.add(Texts.ASYNC_WITH_OUTSIDE_ASYNC.at(sourcePath, Lines.of(close, m), 0, describe(cn, m)));
        }
    }

    /** The body as the source checks describe it: "method name", "a constructor", "a lambda", ... */
    private static String describe(ClassNode cn, MethodNode m) {
        if (m.name.equals("<init>")) {
            return "a constructor";
        }
        if (m.name.equals("<clinit>")) {
            return "a static initializer";
        }
        return m.name.startsWith("lambda$") ? "a lambda" : "method " + m.name;
    }

    /** The handler closes of the try-with-resources blocks over an {@code AsyncCloseable} in {@code m}. */
    private static List<MethodInsnNode> asyncWithBlocks(MethodNode m, ClassHierarchy hierarchy) {
        List<MethodInsnNode> closes = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (AsyncWithRewriter.isAsyncClose(i, hierarchy)) {
                closes.add((MethodInsnNode) i);
            }
        }
        return new ArrayList<>(TryWithResources.handlerCloses(m, closes).keySet());
    }
}
