package dev.jasyncio.transformer.compilers;

import dev.jasyncio.transformer.fuzz.FuzzPrograms;
import dev.jasyncio.transformer.validation.ControlFlowCases;
import dev.jasyncio.transformer.validation.Twin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the compiler matrix compiles: every {@link ControlFlowCases} twin in both await modes, each as its own class
 * {@code t.Cf<Case><Mode>}, and one class {@code t.Fuzz} of generated programs.
 */
final class MatrixSources {

    static final long FUZZ_SEED = 17L;
    static final int FUZZ_COUNT = 16;
    static final String FUZZ_CLASS = "t.Fuzz";

    private MatrixSources() {
    }

    static String twinClass(ControlFlowCases.Case c, Twin.Mode mode) {
        return "t.Cf" + c.name + mode.name();
    }

    /** Fully qualified class name to source; for ECJ, without the cases whose plain code it miscompiles. */
    static Map<String, String> all(boolean ecj) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (ControlFlowCases.Case c : ControlFlowCases.ALL) {
            if (ecj && ControlFlowCases.NOT_FOR_ECJ.contains(c)) {
                continue;
            }
            for (Twin.Mode mode : Twin.Mode.values()) {
                String name = twinClass(c, mode);
                sources.put(name, Twin.source(name.substring(2), c.params, c.body, mode));
            }
        }
        sources.put(FUZZ_CLASS, FuzzPrograms.classSource(FUZZ_CLASS.substring(2), FUZZ_SEED, FUZZ_COUNT));
        return sources;
    }
}
