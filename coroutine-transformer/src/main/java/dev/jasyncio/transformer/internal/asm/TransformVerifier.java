package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.ArrayList;
import java.util.List;

/**
 * The last gate before a class is written: every method of the transformed class must pass the verifier's type
 * rules, checked with the classpath's hierarchy (never by loading classes). A failure here is a transformer bug,
 * and the class is left untouched rather than written half-right.
 */
final class TransformVerifier {

    private TransformVerifier() {
    }

    static List<String> verify(byte[] classFile, ClassHierarchy hierarchy) {
        ClassNode cn = new ClassNode(Names.ASM_API);
        new ClassReader(classFile).accept(cn, ClassReader.SKIP_DEBUG);
        List<String> problems = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            try {
                TypeAnalysis.analyze(cn.name, m, hierarchy);
            } catch (AnalyzerException e) {
                problems.add(cn.name + "." + m.name + m.desc + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
