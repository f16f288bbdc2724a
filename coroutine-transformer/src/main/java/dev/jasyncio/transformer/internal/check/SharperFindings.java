package dev.jasyncio.transformer.internal.check;

import dev.jasyncio.transformer.Diagnostic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the source checks' findings in place of the bytecode pass's where both found the same thing: bytecode
 * knows lines, the sources also know columns and the exact line of an annotation.
 *
 * <p>The bytecode pass decides what is wrong (it sees the compiled types, which the source checks only guess at),
 * the sources say where. For each file and rule id the bytecode flagged, the source findings of that id replace
 * the bytecode ones; if the sources found fewer, the bytecode findings on lines they did not name are kept, so no
 * finding is lost. Source findings of a rule the bytecode pass did not flag in that file are dropped.
 */
public final class SharperFindings {

    private SharperFindings() {
    }

    /** {@code fromBytecode} with what {@code fromSources} places better put in its stead, in the same order. */
    public static List<Diagnostic> merge(List<Diagnostic> fromBytecode, List<Diagnostic> fromSources) {
        Map<String, List<Diagnostic>> sourceByKey = new LinkedHashMap<>();
        for (Diagnostic d : fromSources) {
            sourceByKey.computeIfAbsent(key(d), k -> new ArrayList<>()).add(d);
        }
        Map<String, List<Diagnostic>> bytecodeByKey = new LinkedHashMap<>();
        for (Diagnostic d : fromBytecode) {
            bytecodeByKey.computeIfAbsent(key(d), k -> new ArrayList<>()).add(d);
        }
        List<Diagnostic> merged = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Diagnostic d : fromBytecode) {
            String key = key(d);
            List<Diagnostic> placed = sourceByKey.get(key);
            if (placed == null) {
                merged.add(d);
            } else if (done.add(key)) {
                merged.addAll(placed);
                if (placed.size() < bytecodeByKey.get(key).size()) {
                    merged.addAll(unplaced(bytecodeByKey.get(key), placed));
                }
            }
        }
        return merged;
    }

    private static List<Diagnostic> unplaced(List<Diagnostic> fromBytecode, List<Diagnostic> placed) {
        Set<Integer> lines = new HashSet<>();
        placed.forEach(d -> lines.add(d.line()));
        return fromBytecode.stream().filter(d -> !lines.contains(d.line())).toList();
    }

    private static String key(Diagnostic d) {
        return d.file() + "\u0000" + d.id();
    }
}
