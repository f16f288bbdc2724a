package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates statements and blocks. Every method returns whether what it generated can complete normally (JLS
 * 14.22), so that nothing is generated after a statement that cannot: unreachable code does not compile.
 * Compound statements are delegated to {@link Loops}, {@link Switches} and {@link Tries}.
 */
final class Statements {

    /** Generated statements on one line, and whether they can complete normally. */
    static final class Result {
        final String text;
        final boolean canComplete;

        Result(String text, boolean canComplete) {
            this.text = text;
            this.canComplete = canComplete;
        }
    }

    static final String INDENT = "  ";
    private static final int MAX_NESTING = 4;

    private final GenContext g;
    final Expressions x;
    private final Loops loops;
    private final Switches switches;
    private final Tries tries;
    private final Lambdas lambdas;
    private int nesting;

    Statements(GenContext g) {
        this.g = g;
        this.x = new Expressions(g, this);
        this.loops = new Loops(g, this);
        this.switches = new Switches(g, this);
        this.tries = new Tries(g, this);
        this.lambdas = new Lambdas(g, this);
    }

    /** Up to {@code n} statements in a new scope, stopping after one that cannot complete normally. */
    boolean block(StringBuilder out, String ind, int n) {
        g.push();
        nesting++;
        try {
            boolean cc = true;
            for (int i = 0; i < n && g.budget > 0 && cc; i++) {
                cc = statement(out, ind);
            }
            return cc;
        } finally {
            nesting--;
            g.pop();
        }
    }

    /** A program's body: statements, then a return of a summary when the end is reachable. */
    String program(String ind) {
        StringBuilder out = new StringBuilder();
        g.push();
        boolean cc = true;
        int total = g.budget;
        int top = 3 + g.nextInt(5);
        for (int i = 0; i < top && cc; i++) { // several statements at the top, each with its share of the budget
            g.budget = Math.max(1, total / top);
            cc = statement(out, ind);
        }
        if (cc) {
            out.append(ind).append("RETURN(\"end:\" + ").append(summary()).append(");\n");
        }
        g.pop();
        return out.toString();
    }

    /** Statements for a switch expression arm, on one line. */
    Result inline(int n) {
        StringBuilder out = new StringBuilder();
        boolean cc = block(out, "", n);
        return new Result(out.toString().replace('\n', ' ').trim() + (out.length() > 0 ? " " : ""), cc);
    }

    boolean statement(StringBuilder out, String ind) {
        g.budget--;
        boolean compound = nesting < MAX_NESTING && g.budget > 1;
        int k = g.nextInt(100);
        if (k < 16) {
            return declare(out, ind);
        } else if (k < 30) {
            return Assignments.assign(g, x, out, ind);
        } else if (k < 38) {
            return log(out, ind);
        } else if (k < 40) {
            if (compound && g.switchDepth == 0 && g.awaitAllowed && g.chance(50)) {
                return lambdas.generate(out, ind);
            }
            if (g.awaitAllowed && g.chance(30)) { // await(sleep(d)): the transformer's intrinsic, no coroutine
                out.append(ind).append("SLEEP((").append(x.expr(VType.INT, 2)).append(") & 0);\n");
                return true;
            }
            out.append(ind).append(call()).append(";\n");
            return true;
        } else if (k < 43 && g.throwAllowed) {
            return tries.throwStatement(out, ind);
        } else if (k < 45 && g.returnAllowed) {
            return returnStatement(out, ind);
        } else if (k < 50) {
            return loops.jump(out, ind);
        } else if (!compound) {
            return log(out, ind);
        } else if (k < 66) {
            return ifStatement(out, ind);
        } else if (k < 77) {
            return loops.loop(out, ind);
        } else if (k < 84) {
            return switches.generate(out, ind);
        } else if (k < 95 && (g.switchDepth == 0 || g.switchTryAllowed)) {
            return tries.generate(out, ind);
        } else if (k < 97) {
            return labeledBlock(out, ind);
        } else if (g.switchDepth == 0 // javac 17 does not spill the stack for a synchronized in a switch expression
                && (g.tryDepth == 0 || !GenContext.AVOID.contains("syncInTry"))) {
            return synchronizedBlock(out, ind);
        } else {
            return log(out, ind);
        }
    }

    private boolean declare(StringBuilder out, String ind) {
        VType t = g.pick(VType.values());
        String name = g.fresh("v");
        if (nesting < MAX_NESTING && g.chance(10)) { // unassigned (TOP in the frames) until a branch assigns it
            out.append(ind).append(t.java).append(' ').append(name).append(";\n");
            out.append(ind).append("if (").append(x.condition(2)).append(") {\n");
            out.append(ind).append(INDENT).append(name).append(" = ").append(x.expr(t, 3)).append(";\n");
            out.append(ind).append("} else {\n");
            out.append(ind).append(INDENT).append(name).append(" = ").append(x.expr(t, 3)).append(";\n");
            out.append(ind).append("}\n");
            g.declare(new Var(name, t, true));
            return true;
        }
        String init = t == VType.CHARSEQ && g.chance(40) ? x.builderChoice(3)
                : g.switchDepth < 2 && g.chance(8) ? x.switchInitializer(t, 3) : x.expr(t, 3);
        out.append(ind).append(t.java).append(' ').append(name).append(" = ").append(init).append(";\n");
        g.declare(new Var(name, t, true));
        if (g.chance(50)) {
            out.append(ind).append(logOf(name, t)).append(";\n");
        }
        return true;
    }

    /** {@code log.append("v=").append(v).append(';')}, arrays through Arrays.toString. */
    static String logOf(String name, VType t) {
        return "log.append(\"" + name + "=\").append(" + show(name, t) + ").append(';')";
    }

    static String show(String e, VType t) {
        return t.isArray() ? "java.util.Arrays.toString(" + e + ")" : t == VType.OBJECT ? "str(" + e + ")" : e;
    }

    private boolean log(StringBuilder out, String ind) {
        VType t = x.scalar();
        if (g.switchDepth < 2 && g.chance(6)) { // only the log below it: javac spills the stack, may contain a try
            out.append(ind).append("log.append(").append(show(x.switchInitializer(t, 3), t)).append(");\n");
            return true;
        }
        if (g.chance(4)) {
            out.append(ind).append("assert !(").append(x.condition(2)).append(" && ").append(x.condition(2))
                    .append(") : \"assert\" + ").append(x.expr(x.scalar(), 2)).append(";\n");
            return true;
        }
        t = g.pick(VType.values());
        out.append(ind).append("log.append(").append(show(x.expr(t, 3), t)).append(").append(',');\n");
        return true;
    }

    private String call() {
        switch (g.nextInt(3)) {
            case 0: return "f3(" + x.expr(VType.INT, 2) + ", " + x.expr(VType.INT, 2) + ", " + x.expr(VType.INT, 2) + ")";
            case 1: return "log.append(cat(" + x.expr(x.scalar(), 2) + ", " + x.expr(x.scalar(), 2) + ", "
                    + x.expr(x.scalar(), 2) + "))";
            default: return "note(log, " + x.expr(VType.LONG, 2) + ", " + x.expr(VType.DOUBLE, 2) + ", "
                    + x.expr(VType.STRING, 2) + ")";
        }
    }

    private boolean ifStatement(StringBuilder out, String ind) {
        out.append(ind).append("if (").append(x.condition(3)).append(") {\n");
        boolean thenCc = block(out, ind + INDENT, 1 + g.nextInt(4));
        if (!g.chance(50)) {
            out.append(ind).append("}\n");
            return true;
        }
        out.append(ind).append("} else {\n");
        boolean elseCc = block(out, ind + INDENT, 1 + g.nextInt(4));
        out.append(ind).append("}\n");
        return thenCc || elseCc;
    }

    boolean returnStatement(StringBuilder out, String ind) {
        boolean conditional = g.chance(90);
        String value = "\"r" + g.fresh("") + ":\" + " + summary();
        // Returning another coroutine awaits it: not inside synchronized (AWAIT_IN_SYNCHRONIZED).
        String ret = (g.chance(25) && g.awaitAllowed ? "RETURN_D(" : "RETURN(") + value + ");";
        if (conditional) {
            out.append(ind).append("if (").append(x.condition(2)).append(") ").append(ret).append('\n');
            return true;
        }
        out.append(ind).append(ret).append('\n');
        return false;
    }

    /** A string showing some of the variables in scope: what a return carries. */
    String summary() {
        List<Var> vs = new ArrayList<>(g.visible());
        StringBuilder s = new StringBuilder("\"\"");
        for (int i = 0; i < 6 && !vs.isEmpty(); i++) {
            Var v = vs.remove(g.nextInt(vs.size()));
            s.append(" + \",\" + ").append(show(v.name, v.type));
        }
        return s.toString();
    }

    private boolean labeledBlock(StringBuilder out, String ind) {
        Target t = new Target(Target.Kind.BLOCK, g.fresh("b"));
        out.append(ind).append(t.label).append(": {\n");
        g.pushTarget(t);
        boolean cc = block(out, ind + INDENT, 1 + g.nextInt(4));
        g.popTarget();
        out.append(ind).append("}\n");
        return cc || t.breakUsed;
    }

    /** No await may be inside: AWAIT_IN_SYNCHRONIZED refuses it. */
    private boolean synchronizedBlock(StringBuilder out, String ind) {
        boolean saved = g.awaitAllowed;
        g.awaitAllowed = false;
        out.append(ind).append("synchronized (log) {\n");
        boolean cc = block(out, ind + INDENT, 1 + g.nextInt(3));
        out.append(ind).append("}\n");
        g.awaitAllowed = saved;
        return cc;
    }
}
