package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The last gate before a class is written: every method of the transformed class must pass the verifier's type
 * rules, checked with the classpath's hierarchy (never by loading classes). A failure here is a transformer bug,
 * and the class is left untouched rather than written half-right.
 */
final class TransformVerifier {

    private TransformVerifier() {
    }

    /** Checks every method of {@code classFile}. */
    static List<String> verify(byte[] classFile, ClassHierarchy hierarchy) {
        return verify(classFile, hierarchy, null);
    }

    /**
     * Checks the methods of {@code classFile} named in {@code methods} (name + descriptor), or all of them when it is
     * null. The methods the transformer did not touch are copied as they were and need no second check.
     */
    static List<String> verify(byte[] classFile, ClassHierarchy hierarchy, Set<String> only) {
        // Named "only", not "methods": inside the ClassNode below that name is ClassNode's own list of methods.
        ClassNode cn = new ClassNode(Names.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                // Not visited, not even parsed: ClassReader skips the code of a method nobody visits.
                return only == null || only.contains(name + descriptor)
                        ? super.visitMethod(access, name, descriptor, signature, exceptions) : null;
            }
        };
        new ClassReader(classFile).accept(cn, ClassReader.SKIP_DEBUG);
        List<String> problems = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            try {
                TypeAnalysis.analyze(cn.name, m, hierarchy, insn -> false);
            } catch (AnalyzerException e) {
                problems.add(cn.name + "." + m.name + m.desc + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
