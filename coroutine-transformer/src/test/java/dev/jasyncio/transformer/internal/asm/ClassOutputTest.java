package dev.jasyncio.transformer.internal.asm;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ClassOutput}: the class it writes loads with the JVM's verifier on, runs the replaced and added methods and
 * the untouched ones, carries the marker, and starts from the original's constant pool, which is how the untouched
 * methods are copied without being encoded again.
 */
class ClassOutputTest {

    /** The original: one method to replace, one to leave alone (its string concatenation needs a bootstrap method). */
    public static final class Fixture {
        public static int replaced() {
            return 1;
        }

        public static String untouched(String s) {
            return s + "!";
        }
    }

    private static final String NAME = Fixture.class.getName().replace('.', '/');
    private static final String MARKER = "Ldev/jasyncio/test/Marker;";

    @Test
    void replacesAndAddsMethodsAndKeepsTheRest() throws Exception {
        ClassReader original = new ClassReader(bytesOf(Fixture.class));
        byte[] out = ClassOutput.write(original, List.of(returning("replaced", 42)),
                List.of(returning("added", 7)), new AnnotationNode(MARKER));

        Class<?> c = load(out);
        assertEquals(42, c.getMethod("replaced").invoke(null));
        assertEquals(7, c.getMethod("added").invoke(null));
        assertEquals("kept!", c.getMethod("untouched", String.class).invoke(null, "kept"));

        ClassNode written = new ClassNode();
        new ClassReader(out).accept(written, 0);
        assertEquals(1, written.invisibleAnnotations.stream().filter(a -> a.desc.equals(MARKER)).count());
        assertEquals(List.of("<init>", "replaced", "untouched", "added"),
                written.methods.stream().map(m -> m.name).toList());
    }

    @Test
    void theOriginalConstantPoolComesFirstUnchanged() throws Exception {
        ClassReader original = new ClassReader(bytesOf(Fixture.class));
        ClassReader written = new ClassReader(ClassOutput.write(original, List.of(returning("replaced", 42)),
                List.of(), new AnnotationNode(MARKER)));
        assertTrue(written.getItemCount() > original.getItemCount(), "the marker adds constants");
        for (int i = 1; i < original.getItemCount(); i++) {
            assertEquals(original.getItem(i), written.getItem(i), "constant " + i + " at the same place");
        }
    }

    @Test
    void aReplacementWithoutAnOriginalIsABug() throws Exception {
        ClassReader original = new ClassReader(bytesOf(Fixture.class));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClassOutput.write(original,
                List.of(returning("missing", 1)), List.of(), new AnnotationNode(MARKER)));
        assertTrue(e.getMessage().contains("missing()I"), e.getMessage());
    }

    /** {@code static int name()} returning {@code value}, with its maximum stack given, as the transformer does. */
    private static MethodNode returning(String name, int value) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, "()I", null, null);
        m.instructions.add(new LdcInsnNode(value));
        m.instructions.add(new InsnNode(Opcodes.IRETURN));
        m.maxStack = 1;
        return m;
    }

    private static byte[] bytesOf(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Class<?> load(byte[] bytes) {
        return new ClassLoader(ClassOutputTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(NAME.replace('/', '.'), bytes, 0, bytes.length);
            }
        }.define();
    }
}
