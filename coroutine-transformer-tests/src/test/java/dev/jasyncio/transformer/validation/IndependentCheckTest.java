package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check every validation target's classes go through ({@link ValidationSupport#independentCheck}) rejects what
 * it is there for, on hand-written class files: a type error, and a stack map frame that does not fit the code,
 * which ASM's verifier alone would let through.
 */
class IndependentCheckTest {

    @Test
    void aSoundClassPasses() {
        Map<String, byte[]> classes = Map.of("t/Sound", classWith("t/Sound", m -> {
            Label join = new Label();
            m.visitInsn(Opcodes.ICONST_0);
            m.visitVarInsn(Opcodes.ISTORE, 1);
            m.visitVarInsn(Opcodes.ILOAD, 0);
            m.visitJumpInsn(Opcodes.IFEQ, join);
            m.visitLabel(join);
            m.visitFrame(Opcodes.F_FULL, 2, new Object[] {Opcodes.INTEGER, Opcodes.INTEGER}, 0, new Object[0]);
            m.visitInsn(Opcodes.RETURN);
        }));

        assertEquals(Map.of(), ValidationSupport.independentCheck(classes, ValidationSupport.loader(classes)));
    }

    @Test
    void aFrameThatDoesNotFitTheCodeIsRejectedByTheJvmsVerifier() {
        // Slot 1 holds an int at the jump, but the frame written for its target says a String.
        byte[] lying = classWith("t/Lying", m -> {
            Label join = new Label();
            m.visitInsn(Opcodes.ICONST_0);
            m.visitVarInsn(Opcodes.ISTORE, 1);
            m.visitVarInsn(Opcodes.ILOAD, 0);
            m.visitJumpInsn(Opcodes.IFEQ, join);
            m.visitLabel(join);
            m.visitFrame(Opcodes.F_FULL, 2, new Object[] {Opcodes.INTEGER, "java/lang/String"}, 0, new Object[0]);
            m.visitInsn(Opcodes.RETURN);
        });
        Map<String, byte[]> classes = Map.of("t/Lying", lying);
        ClassLoader loader = ValidationSupport.loader(classes);

        assertEquals("", ValidationSupport.asmVerify(lying, loader), "ASM's verifier does not read the frames");
        String report = ValidationSupport.independentCheck(classes, loader).get("t/Lying");
        assertTrue(report != null && report.startsWith("the JVM's verifier: java.lang.VerifyError"), report);
    }

    @Test
    void aTypeErrorIsRejectedByAsmsVerifier() {
        Map<String, byte[]> classes = Map.of("t/Wrong", classWith("t/Wrong", m -> {
            m.visitInsn(Opcodes.ICONST_1);
            m.visitInsn(Opcodes.FCONST_1);
            m.visitInsn(Opcodes.IADD);
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.RETURN);
        }));

        String report = ValidationSupport.independentCheck(classes, ValidationSupport.loader(classes)).get("t/Wrong");

        assertTrue(report != null && report.startsWith("ASM's CheckClassAdapter: "), report);
        assertTrue(report.contains("Error at instruction 2"), report);
    }

    /** A class with one method, {@code static void m(int)}, whose code {@code body} writes. */
    private static byte[] classWith(String name, Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(I)V", null, null);
        m.visitCode();
        body.accept(m);
        m.visitMaxs(2, 2);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
