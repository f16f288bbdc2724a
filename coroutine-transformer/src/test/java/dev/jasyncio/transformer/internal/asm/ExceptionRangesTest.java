package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypeReference;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeAnnotationNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link ExceptionRanges}: a cut inside a range splits it around the cut, pieces with no instruction are dropped,
 * ranges without a cut are kept as they were, and the table keeps its order, inner handlers first.
 */
class ExceptionRangesTest {

    /** The name of each label, for readable expectations. */
    private final Map<LabelNode, String> names = new IdentityHashMap<>();
    private final LabelNode start = label("start");
    private final LabelNode end = label("end");
    private final LabelNode handler = label("handler");

    @Test
    void aCutInsideARangeSplitsItIntoTwoPiecesWithTheSameHandlerAndType() {
        LabelNode cutFrom = label("cutFrom");
        LabelNode cutTo = label("cutTo");
        MethodNode m = method(start, work(), cutFrom, work(), cutTo, work(), end);
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, "java/io/IOException"));

        ExceptionRanges.cut(m, List.<LabelNode[]>of(new LabelNode[] {cutFrom, cutTo}));

        assertEquals(List.of("start-cutFrom IOException", "cutTo-end IOException"),
                ranges(m));
    }

    @Test
    void aPieceWithNoInstructionLeftIsDropped() {
        LabelNode cutFrom = label("cutFrom");
        LabelNode cutTo = label("cutTo");
        MethodNode m = method(start, cutFrom, work(), cutTo, work(), end);
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));

        ExceptionRanges.cut(m, List.<LabelNode[]>of(new LabelNode[] {cutFrom, cutTo}));

        assertEquals(List.of("cutTo-end any"), ranges(m),
                "nothing but labels between the start and the cut: that piece is dropped");
    }

    @Test
    void severalCutsGivenInAnyOrderLeaveThePiecesBetweenThemInCodeOrder() {
        LabelNode a = label("a");
        LabelNode b = label("b");
        LabelNode c = label("c");
        LabelNode d = label("d");
        MethodNode m = method(start, work(), a, work(), b, work(), c, work(), d, work(), end);
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));

        ExceptionRanges.cut(m, List.of(new LabelNode[] {c, d}, new LabelNode[] {a, b}));

        assertEquals(List.of("start-a any", "b-c any", "d-end any"), ranges(m));
    }

    @Test
    void innerRangesStayBeforeOuterOnesAndARangeWithoutACutIsKept() {
        LabelNode innerStart = label("innerStart");
        LabelNode innerEnd = label("innerEnd");
        LabelNode innerHandler = label("innerHandler");
        LabelNode elsewhereStart = label("elsewhereStart");
        LabelNode elsewhereEnd = label("elsewhereEnd");
        LabelNode cutFrom = label("cutFrom");
        LabelNode cutTo = label("cutTo");
        MethodNode m = method(start, work(), innerStart, work(), cutFrom, work(), cutTo, work(), innerEnd, work(), end,
                elsewhereStart, work(), elsewhereEnd);
        m.tryCatchBlocks.add(new TryCatchBlockNode(innerStart, innerEnd, innerHandler, "java/lang/RuntimeException"));
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        m.tryCatchBlocks.add(new TryCatchBlockNode(elsewhereStart, elsewhereEnd, handler, "java/lang/Error"));

        ExceptionRanges.cut(m, List.<LabelNode[]>of(new LabelNode[] {cutFrom, cutTo}));

        assertEquals(List.of(
                "innerStart-cutFrom RuntimeException", "cutTo-innerEnd RuntimeException",
                "start-cutFrom any", "cutTo-end any",
                "elsewhereStart-elsewhereEnd Error"),
                ranges(m));
        assertSame(innerHandler, m.tryCatchBlocks.get(0).handler);
        assertSame(handler, m.tryCatchBlocks.get(2).handler);
    }

    @Test
    void everyPieceKeepsTheRangesTypeAnnotations() {
        LabelNode cutFrom = label("cutFrom");
        LabelNode cutTo = label("cutTo");
        MethodNode m = method(start, work(), cutFrom, work(), cutTo, work(), end);
        TryCatchBlockNode annotated = new TryCatchBlockNode(start, end, handler, "java/lang/Exception");
        annotated.visibleTypeAnnotations = new ArrayList<>(List.of(new TypeAnnotationNode(
                TypeReference.newExceptionReference(0).getValue(), null, "Lt/Visible;")));
        annotated.invisibleTypeAnnotations = new ArrayList<>(List.of(new TypeAnnotationNode(
                TypeReference.newExceptionReference(0).getValue(), null, "Lt/Invisible;")));
        m.tryCatchBlocks.add(annotated);

        ExceptionRanges.cut(m, List.<LabelNode[]>of(new LabelNode[] {cutFrom, cutTo}));

        assertEquals(2, m.tryCatchBlocks.size());
        for (TryCatchBlockNode piece : m.tryCatchBlocks) {
            assertEquals("Lt/Visible;", piece.visibleTypeAnnotations.get(0).desc);
            assertEquals("Lt/Invisible;", piece.invisibleTypeAnnotations.get(0).desc);
        }
    }

    @Test
    void withoutCutsTheTableIsUntouched() {
        MethodNode m = method(start, work(), end);
        TryCatchBlockNode only = new TryCatchBlockNode(start, end, handler, null);
        m.tryCatchBlocks.add(only);
        List<TryCatchBlockNode> table = m.tryCatchBlocks;

        ExceptionRanges.cut(m, List.of());

        assertSame(table, m.tryCatchBlocks);
        assertSame(only, m.tryCatchBlocks.get(0));
    }

    /** An instruction that could throw: a piece of a range holding one is kept. */
    private static AbstractInsnNode work() {
        return new InsnNode(Opcodes.NOP);
    }

    /** The code, then a handler that returns. */
    private MethodNode method(AbstractInsnNode... code) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        for (AbstractInsnNode i : code) {
            m.instructions.add(i);
        }
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        m.instructions.add(handler);
        m.instructions.add(new InsnNode(Opcodes.ATHROW));
        return m;
    }

    /** Each entry of the table as {@code from-to type}, labels by name, the type by its simple name or "any". */
    private List<String> ranges(MethodNode m) {
        List<String> out = new ArrayList<>();
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            String type = t.type == null ? "any" : t.type.substring(t.type.lastIndexOf('/') + 1);
            out.add(names.get(t.start) + "-" + names.get(t.end) + " " + type);
        }
        return out;
    }

    private LabelNode label(String name) {
        LabelNode label = new LabelNode();
        names.put(label, name);
        return label;
    }
}
