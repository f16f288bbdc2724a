package dev.jasyncio.transformer.fuzz;

import java.util.List;

/**
 * Switch expressions, arrow or colon form, whose arms are expressions or blocks of statements ending in
 * {@code yield} (or {@code throw}); colon groups may fall through. No jump or return may leave one.
 */
final class SwitchExpressions {

    private final GenContext g;
    private final Expressions x;
    private final Statements statements;
    /** Whether the switch expression being generated has a result expression yet. */
    private boolean hasResult;

    SwitchExpressions(GenContext g, Expressions x, Statements statements) {
        this.g = g;
        this.x = x;
        this.statements = statements;
    }

    /** A switch expression; {@code tryAllowed}: no long or double is below it on the stack (see GenContext). */
    String generate(VType t, int depth, boolean tryAllowed) {
        boolean savedResult = hasResult;
        hasResult = false;
        Selector sel = Selector.random(g, x, depth - 1);
        boolean savedReturn = g.returnAllowed;
        boolean savedTry = g.switchTryAllowed;
        g.returnAllowed = false;
        g.switchTryAllowed = tryAllowed;
        g.switchDepth++;
        g.pushTarget(new Target(Target.Kind.BARRIER, null));
        try {
            boolean arrow = g.chance(70);
            StringBuilder s = new StringBuilder("(switch (" + sel.expr + ") {");
            for (List<String> group : sel.groups) {
                s.append(' ').append(arrow ? Selector.arrowLabel(group) : Selector.colonLabel(group)).append(' ');
                s.append(arrow ? arrowArm(t, depth) : colonArm(t, depth, true));
            }
            s.append(arrow ? " default -> " : " default: ");
            if (!hasResult) { // a switch expression needs at least one result expression
                s.append(arrow ? x.expr(t, depth - 1) + ";" : yieldStatement(t, depth));
            } else {
                s.append(arrow ? arrowArm(t, depth) : colonArm(t, depth, false));
            }
            return s.append(" })").toString();
        } finally {
            g.popTarget();
            g.switchDepth--;
            g.returnAllowed = savedReturn;
            g.switchTryAllowed = savedTry;
            hasResult = savedResult;
        }
    }

    private String arrowArm(VType t, int depth) {
        if (g.throwAllowed && g.chance(8)) {
            return "throw fail(" + x.expr(x.scalar(), depth - 1) + ");";
        }
        if (g.chance(60)) {
            hasResult = true;
            return x.expr(t, depth - 1) + ";";
        }
        return "{ " + body(t, depth, true) + " }";
    }

    private String colonArm(VType t, int depth, boolean mayFallThrough) {
        return body(t, depth, !mayFallThrough || g.chance(75));
    }

    /** Statements then {@code yield e;}, unless they cannot complete normally, or the arm falls through. */
    private String body(VType t, int depth, boolean yield) {
        StringBuilder s = new StringBuilder();
        g.push();
        if (g.chance(20)) {
            s.append("if (").append(x.condition(depth - 1)).append(") { ").append(yieldStatement(t, depth))
                    .append(" } ");
        }
        Statements.Result r = statements.inline(1 + g.nextInt(3));
        s.append(r.text);
        if (r.canComplete && yield) {
            s.append(yieldStatement(t, depth));
        }
        g.pop();
        return s.toString();
    }

    /** {@code yield e;}; through a local when {@code e} starts with '(', which javac would read as a call. */
    private String yieldStatement(VType t, int depth) {
        hasResult = true;
        String e = x.expr(t, depth - 1);
        if (!e.startsWith("(")) {
            return "yield " + e + ";";
        }
        String y = g.fresh("y");
        return t.java + " " + y + " = " + e + "; yield " + y + ";";
    }
}
