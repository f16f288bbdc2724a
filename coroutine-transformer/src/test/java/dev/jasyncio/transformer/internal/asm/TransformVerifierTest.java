package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last gate: a method that breaks the verifier's rules is found, in the methods it is asked to check. */
class TransformVerifierTest {

    private static final String BROKEN = "broken()Ljava/lang/Object;";
    private static final String FINE = "fine()Ljava/lang/Object;";

    /** A class with one method returning an int where an Object is due, and one correct method. */
    private static byte[] classWithABrokenMethod() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "t/Gate", null, "java/lang/Object", null);
        MethodVisitor broken = cw.visitMethod(Opcodes.ACC_STATIC, "broken", "()Ljava/lang/Object;", null, null);
        broken.visitCode();
        broken.visitInsn(Opcodes.ICONST_1);
        broken.visitInsn(Opcodes.ARETURN);
        broken.visitMaxs(1, 0);
        broken.visitEnd();
        MethodVisitor fine = cw.visitMethod(Opcodes.ACC_STATIC, "fine", "()Ljava/lang/Object;", null, null);
        fine.visitCode();
        fine.visitInsn(Opcodes.ACONST_NULL);
        fine.visitInsn(Opcodes.ARETURN);
        fine.visitMaxs(1, 0);
        fine.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void namesTheClassAndMethodThatBreakTheRules() {
        ClassNode gate = new ClassNode();
        new ClassReader(classWithABrokenMethod()).accept(gate, 0);
        List<String> problems = TransformVerifier.verify(gate.name, gate.methods, ClassHierarchy.of(List.of()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("t/Gate.broken()"), problems.toString());
    }

    /** What the problems become for the user: TRANSFORM_VERIFY_FAILED, the class named, the page linked. */
    @Test
    void problemsAreReportedAsTransformVerifyFailed() {
        ClassNode gate = new ClassNode();
        new ClassReader(classWithABrokenMethod()).accept(gate, 0);
        List<String> problems = TransformVerifier.verify(gate.name, gate.methods, ClassHierarchy.of(List.of()));
        dev.jasyncio.transformer.Diagnostic d = dev.jasyncio.transformer.internal.rules.Texts
                .TRANSFORMED_CLASS_FAILS_VERIFICATION.at("t/Gate.java", 0, 0, problems);
        assertEquals("TRANSFORM_VERIFY_FAILED", d.id());
        assertTrue(d.message().contains("t/Gate.broken()"), d.message());
        assertTrue(d.format().endsWith("(see docs/diagnostics/TRANSFORM_VERIFY_FAILED.md)"), d.format());
    }

    @Test
    void checksTheMethodsItIsGivenAndOnlyThose() {
        ClassNode gate = new ClassNode();
        new ClassReader(classWithABrokenMethod()).accept(gate, 0);
        MethodNode broken = method(gate, BROKEN);
        MethodNode fine = method(gate, FINE);
        ClassHierarchy hierarchy = ClassHierarchy.of(List.of());
        assertEquals(1, TransformVerifier.verify(gate.name, List.of(broken, fine), hierarchy).size());
        assertEquals(1, TransformVerifier.verify(gate.name, List.of(broken), hierarchy).size());
        assertEquals(List.of(), TransformVerifier.verify(gate.name, List.of(fine), hierarchy));
    }

    private static MethodNode method(ClassNode c, String nameAndDescriptor) {
        return c.methods.stream().filter(m -> (m.name + m.desc).equals(nameAndDescriptor)).findFirst().orElseThrow();
    }
}
