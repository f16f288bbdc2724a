package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated programs for other tests (the compiler matrix): the source of a class of {@code count} programs from a
 * seed, and the differential check of that class once another tool chain has compiled, instrumented and loaded it.
 */
public final class FuzzPrograms {

    private FuzzPrograms() {
    }

    /** The source of class {@code t.<simpleName>} holding programs {@code 0..count-1} of {@code seed}. */
    public static String classSource(String simpleName, long seed, int count) {
        return FuzzClass.source(simpleName, programs(seed, count));
    }

    /** Runs each program of the loaded class against its twin in every mode; returns the failures, described. */
    public static List<String> check(ClassLoader loader, String className, long seed, int count) {
        FuzzRunner runner = new FuzzRunner(count, 1, f -> { });
        try {
            runner.runLoaded(loader, className, programs(seed, count));
        } finally {
            runner.close();
        }
        List<String> out = new ArrayList<>();
        for (FuzzFailure f : runner.failures()) {
            out.add(f.describe());
        }
        return out;
    }

    private static List<FuzzProgram> programs(long seed, int count) {
        List<FuzzProgram> ps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ps.add(FuzzProgram.generate(FuzzMain.programSeed(seed, i)));
        }
        return ps;
    }
}
