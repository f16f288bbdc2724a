package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.ArrayList;
import java.util.List;

/**
 * The last gate before a class is written: the methods the transformer generated must pass the verifier's type
 * rules, checked with the classpath's hierarchy (never by loading classes). A failure here is a transformer bug,
 * and the class is left untouched rather than written half-right.
 */
final class TransformVerifier {

    private TransformVerifier() {
    }

    /**
     * Checks {@code methods} of {@code owner} as they are about to be written: the methods the transformer made
     * from a template, while those it copied need no second check and the rewritten bodies had theirs when their
     * frames were computed.
     */
    static List<String> verify(String owner, List<MethodNode> methods, ClassHierarchy hierarchy) {
        List<String> problems = new ArrayList<>();
        for (MethodNode m : methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            try {
                TypeAnalysis.analyze(owner, m, hierarchy, insn -> false);
            } catch (AnalyzerException e) {
                problems.add(owner + "." + m.name + m.desc + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
