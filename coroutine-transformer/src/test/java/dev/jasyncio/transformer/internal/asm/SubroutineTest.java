package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Java 5 class whose async method uses a {@code jsr}/{@code ret} subroutine, as old compilers emitted for
 * {@code finally}: refused with {@code UNSUPPORTED_BYTECODE} on the method's line, the class left as it was.
 */
class SubroutineTest {

    @Test
    void anAsyncMethodWithASubroutineIsRefusedWithItsOwnDiagnostic() {
        byte[] original = java5ClassWithSubroutine();
        ClassTransformer.Outcome outcome = new ClassTransformer(ClassHierarchy.of(List.of()), "test")
                .transform(original);

        assertEquals(ClassTransformer.Kind.FAILED, outcome.kind);
        assertEquals(original, outcome.classBytes);
        assertEquals(1, outcome.diagnostics.size(), outcome.diagnostics.toString());
        assertEquals("UNSUPPORTED_BYTECODE", outcome.diagnostics.get(0).id());
        assertEquals(7, outcome.diagnostics.get(0).line());
    }

    private static byte[] java5ClassWithSubroutine() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "t/Old", null, "java/lang/Object", null);
        cw.visitSource("Old.java", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "fetch", "(Ldev/jasyncio/Awaitable;)L"
                + Names.COROUTINE + ";", null, null);
        m.visitAnnotation(Names.ASYNC_ANNOTATION, false).visitEnd();
        m.visitCode();
        Label start = new Label();
        Label subroutine = new Label();
        m.visitLabel(start);
        m.visitLineNumber(7, start);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, Names.ASYNCIO, "await", Names.AWAIT_AWAITABLE_DESC, false);
        m.visitInsn(Opcodes.POP);
        m.visitJumpInsn(Opcodes.JSR, subroutine);
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitInsn(Opcodes.ARETURN);
        m.visitLabel(subroutine);
        m.visitVarInsn(Opcodes.ASTORE, 1);
        m.visitVarInsn(Opcodes.RET, 1);
        m.visitMaxs(1, 2);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
