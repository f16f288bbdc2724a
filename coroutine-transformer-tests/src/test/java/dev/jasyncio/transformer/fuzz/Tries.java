package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * try / catch / finally and try-with-resources, with awaits in every part, and throw statements. Catch clauses come
 * in an order javac accepts (a subclass before its superclass, no alternative caught twice), and the checked test
 * exception is caught only where the try body may throw it. Finally blocks always complete normally: no return,
 * throw or jump leaves one.
 */
final class Tries {

    /** Catch clauses in an order javac accepts; an entry is one clause, alternatives separated by '|'. */
    private static final String[] CATCHES = {
        "Unchecked", "Checked", "ArithmeticException", "ArrayIndexOutOfBoundsException",
        "Unchecked | ArithmeticException", "Checked | ArithmeticException", "Checked | Unchecked",
        "RuntimeException", "Exception",
    };

    private final GenContext g;
    private final Statements s;

    Tries(GenContext g, Statements s) {
        this.g = g;
        this.s = s;
    }

    boolean generate(StringBuilder out, String ind) {
        g.tryDepth++;
        try {
            return tryStatement(out, ind);
        } finally {
            g.tryDepth--;
        }
    }

    private boolean tryStatement(StringBuilder out, String ind) {
        int kind = g.nextInt(4); // 0 catch, 1 finally, 2 catch and finally, 3 with resources
        String inner = ind + Statements.INDENT;
        boolean outerChecked = g.checkedPossible;
        g.checkedPossible = false;
        out.append(ind).append("try");
        if (kind == 3) {
            out.append(" (").append(resources()).append(")");
        }
        out.append(" {\n");
        boolean tryCc = s.block(out, inner, 1 + g.nextInt(5));
        boolean tryChecked = g.checkedPossible;

        g.checkedPossible = false;
        boolean catchCc = false;
        boolean handled = false;
        if (kind != 1) {
            for (String clause : clauses(tryChecked, kind == 3)) {
                // precise rethrow: what an earlier clause caught cannot come out of a later one
                catchCc |= catchClause(out, ind, clause, tryChecked && !handled);
                handled |= catchesChecked(clause);
            }
        }
        boolean catchChecked = g.checkedPossible;

        g.checkedPossible = false;
        boolean finallyCc = true;
        if (kind == 1 || kind == 2 || (kind == 3 && g.chance(30))) {
            out.append(ind).append("} finally {\n");
            finallyCc = finallyBlock(out, inner);
        }
        out.append(ind).append("}\n");
        g.checkedPossible = outerChecked || (tryChecked && !handled) || catchChecked || g.checkedPossible;
        return (tryCc || catchCc) && finallyCc;
    }

    private String resources() {
        List<String> rs = new ArrayList<>();
        int n = 1 + g.nextInt(2);
        for (int i = 0; i < n; i++) {
            String r = g.fresh("r");
            if (g.chance(50)) {
                boolean saved = g.enterConstructorArguments();
                rs.add("Res " + r + " = new Res(log, " + (g.chance(50) ? "\"" + g.pick("", "x") + "\""
                        : s.x.expr(VType.STRING, 2)) + " + \"" + r + "\")");
                g.awaitAllowed = saved;
            } else {
                rs.add("Res " + r + " = open(log, " + s.x.expr(VType.STRING, 2) + " + \"" + r + "\")");
            }
        }
        return String.join("; ", rs);
    }

    private List<String> clauses(boolean tryChecked, boolean optional) {
        List<String> picked = new ArrayList<>();
        List<String> caught = new ArrayList<>();
        for (String clause : CATCHES) {
            boolean overlaps = false;
            for (String type : clause.split(" \\| ")) {
                overlaps |= caught.contains(type) || type.equals("Checked") && !tryChecked;
            }
            if (!overlaps && g.chance(22)) {
                picked.add(clause);
                caught.addAll(List.of(clause.split(" \\| ")));
            }
        }
        if (picked.isEmpty() && !optional) {
            picked.add(g.chance(50) ? "RuntimeException" : "Exception");
        }
        return picked;
    }

    /** {@code checkedReaches}: the checked test exception may reach this clause. */
    private boolean catchClause(StringBuilder out, String ind, String clause, boolean checkedReaches) {
        String e = g.fresh("x");
        String inner = ind + Statements.INDENT;
        out.append(ind).append("} catch (").append(clause).append(' ').append(e).append(") {\n");
        out.append(inner).append("log.append(\"c:\").append(").append(e).append(".getClass().getSimpleName())")
                .append(".append(':').append(").append(e).append(".getMessage()).append(").append(e)
                .append(".getSuppressed().length).append(';');\n");
        boolean cc = g.chance(60) ? s.block(out, inner, 1 + g.nextInt(3)) : true;
        if (cc && g.throwAllowed && g.chance(25)) {
            boolean mayBeChecked = catchesChecked(clause) && checkedReaches;
            String stmt = g.chance(60) ? "throw " + e + ";" : "throw fail(" + e + ".getMessage());";
            g.checkedPossible |= mayBeChecked && stmt.startsWith("throw " + e);
            if (g.chance(75)) {
                out.append(inner).append("if (").append(s.x.condition(2)).append(") ").append(stmt).append('\n');
            } else {
                out.append(inner).append(stmt).append('\n');
                cc = false;
            }
        }
        return cc;
    }

    /** Whether the clause catches the checked test exception. */
    private static boolean catchesChecked(String clause) {
        return List.of(clause.split(" \\| ")).contains("Checked") || clause.equals("Exception");
    }

    private boolean finallyBlock(StringBuilder out, String inner) {
        boolean savedReturn = g.returnAllowed;
        boolean savedThrow = g.throwAllowed;
        g.returnAllowed = false;
        g.throwAllowed = false;
        g.pushTarget(new Target(Target.Kind.BARRIER, null));
        out.append(inner).append("log.append(\"f\");\n");
        boolean cc = s.block(out, inner, 1 + g.nextInt(3));
        g.popTarget();
        g.returnAllowed = savedReturn;
        g.throwAllowed = savedThrow;
        return cc;
    }

    boolean throwStatement(StringBuilder out, String ind) {
        String id = g.fresh("t");
        String ex;
        switch (g.nextInt(5)) {
            case 0: {
                boolean saved = g.enterConstructorArguments();
                ex = "new Unchecked(\"" + id + "\" + " + s.x.expr(s.x.scalar(), 2) + ")";
                g.awaitAllowed = saved;
                break;
            }
            case 1: ex = "new Checked(\"" + id + "\")"; g.checkedPossible = true; break;
            case 2: ex = "failc(" + s.x.expr(s.x.scalar(), 2) + ")"; g.checkedPossible = true; break;
            case 3: ex = "new ArithmeticException(\"" + id + "\")"; break;
            default: ex = "fail(" + s.x.expr(s.x.scalar(), 2) + ")";
        }
        if (g.chance(90)) {
            out.append(ind).append("if (").append(s.x.condition(2)).append(") throw ").append(ex).append(";\n");
            return true;
        }
        out.append(ind).append("throw ").append(ex).append(";\n");
        return false;
    }
}
