package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a transformed class. The methods the transformer replaced and the ones it added are written from their
 * trees; everything else, the constant pool and the code of every other method included, is copied from the
 * original class file as it is, without being decoded and encoded again: writing the whole class from its tree
 * encoded every method anew, touched or not, and rebuilt the constant pool entry by entry.
 */
final class ClassOutput {

    private ClassOutput() {
    }

    /**
     * The class file of {@code original} with each method of {@code replaced} (matched by name and descriptor) in
     * place of the original's, {@code added} at the end, and {@code marker} as an invisible class annotation.
     * Every method given must carry its frames, in expanded form, and its maximum stack: nothing is computed here.
     */
    static byte[] write(ClassReader original, List<MethodNode> replaced, List<MethodNode> added,
                        AnnotationNode marker) {
        Map<String, MethodNode> replacements = new HashMap<>();
        for (MethodNode m : replaced) {
            replacements.put(m.name + m.desc, m);
        }
        // Built from the reader, the writer starts with the original's constant pool, and copies the bytes of a
        // method when the reader's visit reaches it unchanged.
        ClassWriter writer = new ClassWriter(original, 0);
        original.accept(new Splice(writer, original.getClassName(), replacements, added, marker), 0);
        return writer.toByteArray();
    }

    /** Passes the original through, swapping in the replacements and adding the marker and the new methods. */
    private static final class Splice extends ClassVisitor {
        private final String className;
        private final Map<String, MethodNode> replacements;
        private final List<MethodNode> added;
        private final AnnotationNode marker;
        private boolean marked;

        Splice(ClassWriter writer, String className, Map<String, MethodNode> replacements, List<MethodNode> added,
               AnnotationNode marker) {
            super(Names.ASM_API, writer);
            this.className = className;
            this.replacements = replacements;
            this.added = added;
            this.marker = marker;
        }

        /** The marker goes where class annotations may still come: before the first member. */
        private void markOnce() {
            if (!marked) {
                marked = true;
                marker.accept(super.visitAnnotation(marker.desc, false));
            }
        }

        @Override
        public void visitNestMember(String nestMember) {
            markOnce();
            super.visitNestMember(nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            markOnce();
            super.visitPermittedSubclass(permittedSubclass);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            markOnce();
            super.visitInnerClass(name, outerName, innerName, access);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            markOnce();
            return super.visitRecordComponent(name, descriptor, signature);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            markOnce();
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            markOnce();
            MethodNode replacement = replacements.remove(name + descriptor);
            if (replacement != null) {
                write(replacement);
                return null; // the original's code is not even read
            }
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }

        @Override
        public void visitEnd() {
            markOnce();
            if (!replacements.isEmpty()) {
                throw new IllegalStateException("replaced methods missing from the original: "
                        + replacements.keySet());
            }
            for (MethodNode m : added) {
                write(m);
            }
            super.visitEnd();
        }

        /** A method from its tree, its expanded frames compressed on the way. */
        private void write(MethodNode m) {
            String[] exceptions = m.exceptions == null ? null : m.exceptions.toArray(new String[0]);
            MethodVisitor writer = cv.visitMethod(m.access, m.name, m.desc, m.signature, exceptions);
            m.accept(new CompressedFrames(writer, className, m.access, m.name, m.desc));
        }
    }
}
