package dev.jasyncio.transformer.fuzz;

/** One program the transformer got wrong (or, for {@link Kind#COMPILE}, that the generator got wrong). */
final class FuzzFailure {

    enum Kind {
        /** javac rejects the generated program: a generator bug. */
        COMPILE,
        /** The instrumenter refused the program or failed. */
        INSTRUMENT,
        /** ASM's CheckClassAdapter rejects the instrumented class. */
        ASM_VERIFY,
        /** The JVM refuses to load or link the instrumented class. */
        LOAD,
        /** The async program and its synchronous twin disagree. */
        DIFFERENCE,
        /** A run did not end in time. */
        TIMEOUT
    }

    final Kind kind;
    final FuzzProgram program;
    /** The mode of the awaits and the inputs, for a run failure; null otherwise. */
    final String mode;
    final String detail;

    FuzzFailure(Kind kind, FuzzProgram program, String mode, String detail) {
        this.kind = kind;
        this.program = program;
        this.mode = mode;
        this.detail = detail;
    }

    /**
     * What kind of failure this is, for grouping: the kind, and for a difference what the async program did
     * (generated class names blurred, cut at 100 characters).
     */
    String signature() {
        String what = detail.trim().split("\n", 2)[0];
        int actual = detail.indexOf("actual (async):\n");
        if (actual >= 0) {
            what = detail.substring(actual + "actual (async):\n".length()).split("\n", 2)[0];
        }
        what = what.replaceAll("t\\.F\\d+[\\w$]*|t/F\\d+[\\w$]*", "t.F*").replaceAll("@[0-9a-f]+", "@*");
        return kind + ": " + (what.length() > 100 ? what.substring(0, 100) : what);
    }

    /** The failure, the program's source as a standalone class, and the commands that reproduce it. */
    String describe() {
        return kind + (mode == null ? "" : " in mode " + mode) + " for program seed " + program.seed
                + " (" + program.shape + ")\n"
                + detail.trim() + "\n"
                + "reproduce this program alone: " + FuzzMain.command("-Djasyncio.fuzz.program=" + program.seed) + "\n"
                + "----- program (t.Repro: a0 is the async method, s0 its twin) -----\n"
                + FuzzClass.source("Repro", java.util.List.of(program));
    }
}
