package dev.jasyncio.transformer.internal.asm;

import dev.jasyncio.transformer.Diagnostic;
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
                diagnostics.add(Diagnostic.error(Ids.ASYNC_FOR_OUTSIDE_ASYNC, sourcePath, Lines.of(i, m), 0,
                        "for (x : aiter(...)) outside an async body, in '" + m.name + "': each step of an async "
                                + "for must be awaited", "annotate '" + m.name + "' with @Async and make it return "
                                + "Coroutine<T> (or use an async lambda)"));
            }
        }
        for (MethodInsnNode close : asyncWithBlocks(m, hierarchy)) {
            String type = AsyncMethodTransformer.simpleName(close.owner);
            diagnostics.add(Diagnostic.error(Ids.ASYNC_WITH_OUTSIDE_ASYNC, sourcePath, Lines.of(close, m), 0,
                    "try-with-resources over the AsyncCloseable " + type + " outside an async body, in '"
                            + m.name + "': entering and leaving it must be awaited",
                    "annotate '" + m.name + "' with @Async and make it return Coroutine<T> (or use an async "
                            + "lambda); outside async code, await its aenter()/aexit() from a coroutine"));
        }
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
