package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link CompressedFrames}: each expanded frame becomes the shortest form the class file allows against the frame
 * before it, the first against the frame the descriptor implies.
 */
class CompressedFramesTest {

    private static final Object INT = Opcodes.INTEGER;
    private static final Object LONG = Opcodes.LONG;

    /** What reached the writer: the frame's kind, then its locals and stack as given. */
    private final List<String> written = new ArrayList<>();

    private final MethodVisitor recorder = new MethodVisitor(Names.ASM_API) {
        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            written.add(kind(type) + " " + Arrays.toString(local == null ? new Object[0] : Arrays.copyOf(local,
                    numLocal)) + " " + Arrays.toString(stack == null ? new Object[0] : Arrays.copyOf(stack,
                    numStack)) + (type == Opcodes.F_CHOP ? " chop " + numLocal : ""));
        }
    };

    @Test
    void eachFrameTakesTheShortestFormAgainstTheOneBefore() {
        // An instance method of t/C taking a long: its implicit first frame is [t/C, LONG].
        CompressedFrames frames = new CompressedFrames(recorder, "t/C", 0, "m", "(J)V");
        expanded(frames, new Object[] {"t/C", LONG}, new Object[0]);
        expanded(frames, new Object[] {"t/C", LONG}, new Object[] {"java/lang/String"});
        expanded(frames, new Object[] {"t/C", LONG, INT, "java/lang/String"}, new Object[0]);
        expanded(frames, new Object[] {"t/C"}, new Object[0]);
        expanded(frames, new Object[] {"t/C"}, new Object[] {INT, INT});
        expanded(frames, new Object[] {"t/D"}, new Object[0]);
        expanded(frames, new Object[] {"t/D", INT, INT, INT, INT}, new Object[0]);
        assertEquals(List.of(
                "same [] []",
                "same1 [] [java/lang/String]",
                "append [1, java/lang/String] []",
                "chop [] [] chop 3",
                "full [t/C] [1, 1]",
                "full [t/D] []",
                "full [t/D, 1, 1, 1, 1] []"), written);
    }

    @Test
    void aConstructorStartsWithItsReceiverUninitialized() {
        CompressedFrames frames = new CompressedFrames(recorder, "t/C", 0, "<init>", "(Z[I)V");
        expanded(frames, new Object[] {Opcodes.UNINITIALIZED_THIS, INT, "[I"}, new Object[0]);
        expanded(frames, new Object[] {"t/C", INT, "[I"}, new Object[0]);
        assertEquals(List.of("same [] []", "full [t/C, 1, [I] []"), written);
    }

    @Test
    void aStaticMethodStartsWithItsParametersOnly() {
        CompressedFrames frames = new CompressedFrames(recorder, "t/C", Opcodes.ACC_STATIC, "m", "(D)V");
        expanded(frames, new Object[] {Opcodes.DOUBLE, INT}, new Object[0]);
        assertEquals(List.of("append [1] []"), written);
    }

    @Test
    void framesAlreadyCompressedAreRefused() {
        CompressedFrames frames = new CompressedFrames(recorder, "t/C", Opcodes.ACC_STATIC, "m", "()V");
        assertThrows(IllegalArgumentException.class, () -> frames.visitFrame(Opcodes.F_SAME, 0, null, 0, null));
    }

    private static void expanded(CompressedFrames frames, Object[] locals, Object[] stack) {
        frames.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
    }

    private static String kind(int type) {
        return switch (type) {
            case Opcodes.F_SAME -> "same";
            case Opcodes.F_SAME1 -> "same1";
            case Opcodes.F_APPEND -> "append";
            case Opcodes.F_CHOP -> "chop";
            case Opcodes.F_FULL -> "full";
            default -> "type " + type;
        };
    }
}
