package dev.jasyncio.transformer.fuzz;

import java.util.List;

/**
 * Bounded loops (for, while, do, for-each over arrays and lists), optionally labeled, and the break and continue
 * statements that leave them. Each loop has a counter no other statement assigns, or iterates a collection of at
 * most four elements, and the product of the iteration counts of nested loops stays small.
 */
final class Loops {

    private static final int MAX_WEIGHT = 16;

    private final GenContext g;
    private final Statements s;

    Loops(GenContext g, Statements s) {
        this.g = g;
        this.s = s;
    }

    boolean loop(StringBuilder out, String ind) {
        int kind = g.nextInt(4);
        int bound = kind == 3 ? 4 : 1 + g.nextInt(3);
        if (g.loopWeight * bound > MAX_WEIGHT) {
            if (g.loopWeight * 2 > MAX_WEIGHT) {
                return s.block(out, ind, 1); // no room for another loop: a plain statement instead
            }
            kind = 0;
            bound = 1;
        }
        Target t = new Target(Target.Kind.LOOP, g.chance(30) ? g.fresh("L") : null);
        String label = t.label == null ? "" : t.label + ": ";
        g.loopWeight *= bound;
        g.push();
        try {
            switch (kind) {
                case 0: forLoop(out, ind, label, bound, t); return true;
                case 1: whileLoop(out, ind, label, bound, t); return true;
                case 2: return doLoop(out, ind, label, bound, t);
                default: forEach(out, ind, label, t); return true;
            }
        } finally {
            g.pop();
            g.loopWeight /= bound;
        }
    }

    private void forLoop(StringBuilder out, String ind, String label, int n, Target t) {
        String i = g.fresh("i");
        String header;
        switch (g.nextInt(g.awaitAllowed ? 4 : 2)) {
            case 0: header = "int " + i + " = 0; " + i + " < " + n + "; " + i + "++"; break;
            case 1: header = "int " + i + " = 0; " + i + " < " + n + " && " + s.x.expr(VType.BOOLEAN, 2) + "; " + i + "++";
                break;
            case 2: header = "int " + i + " = 0; " + i + " < " + s.x.awaitOf(VType.INT, Integer.toString(n)) + "; "
                    + i + "++"; break;
            default: header = "int " + i + " = " + n + "; " + i + " > 0; " + i + " -= "
                    + s.x.awaitOf(VType.INT, "1");
        }
        g.declare(new Var(i, VType.INT, false));
        out.append(ind).append(label).append("for (").append(header).append(") {\n");
        body(out, ind, t);
    }

    private void whileLoop(StringBuilder out, String ind, String label, int n, Target t) {
        String w = g.fresh("w");
        out.append(ind).append("int ").append(w).append(" = 0;\n");
        g.declare(new Var(w, VType.INT, false));
        String extra = g.chance(40) ? " && " + s.x.expr(VType.BOOLEAN, 2) : "";
        out.append(ind).append(label).append("while (").append(w).append(" < ").append(n).append(extra).append(") {\n");
        out.append(ind).append(Statements.INDENT).append(w).append("++;\n");
        body(out, ind, t);
    }

    private boolean doLoop(StringBuilder out, String ind, String label, int n, Target t) {
        String d = g.fresh("d");
        out.append(ind).append("int ").append(d).append(" = 0;\n");
        g.declare(new Var(d, VType.INT, false));
        out.append(ind).append(label).append("do {\n");
        out.append(ind).append(Statements.INDENT).append(d).append("++;\n");
        g.pushTarget(t);
        boolean cc = s.block(out, ind + Statements.INDENT, 1 + g.nextInt(4));
        g.popTarget();
        String extra = g.chance(40) ? " && " + s.x.expr(VType.BOOLEAN, 2) : "";
        out.append(ind).append("} while (").append(d).append(" < ").append(n).append(extra).append(");\n");
        return cc || t.continueUsed || t.breakUsed;
    }

    /** Over an array (javac keeps a copy, its length and an index in hidden locals) or a List (an Iterator). */
    private void forEach(StringBuilder out, String ind, String label, Target t) {
        String e = g.fresh("e");
        VType type;
        String over;
        switch (g.nextInt(5)) {
            case 0: case 1: {
                VType array = g.pick(VType.INT_ARRAY, VType.LONG_ARRAY, VType.BYTE_ARRAY, VType.DOUBLE_ARRAY,
                        VType.STRING_ARRAY);
                type = array.element();
                over = s.x.expr(array, 2);
                break;
            }
            case 2: type = VType.STRING; over = list(VType.STRING); break;
            default: type = VType.INTEGER; over = list(VType.INT); break;
        }
        out.append(ind).append(label).append("for (").append(type.java).append(' ').append(e).append(" : ")
                .append(over).append(") {\n");
        g.declare(new Var(e, type, true));
        body(out, ind, t);
    }

    private String list(VType element) {
        int n = 1 + g.nextInt(4);
        StringBuilder l = new StringBuilder("java.util.List.of(");
        for (int i = 0; i < n; i++) {
            l.append(i > 0 ? ", " : "").append(s.x.expr(element, 2));
        }
        return l.append(")").toString();
    }

    private void body(StringBuilder out, String ind, Target t) {
        g.pushTarget(t);
        s.block(out, ind + Statements.INDENT, 1 + g.nextInt(4));
        g.popTarget();
        out.append(ind).append("}\n");
    }

    /** A break or continue to some enclosing target, mostly under an if. */
    boolean jump(StringBuilder out, String ind) {
        List<Target> reachable = g.reachableTargets();
        Target target = null;
        String text = null;
        for (int attempt = 0; attempt < 3 && target == null && !reachable.isEmpty(); attempt++) {
            Target c = g.pick(reachable);
            boolean cont = c.kind == Target.Kind.LOOP && g.chance(40);
            if (c.label != null && g.chance(60)) {
                target = c;
                text = (cont ? "continue " : "break ") + c.label + ";";
            } else if (c.kind != Target.Kind.BLOCK && (!cont || innermostLoop(reachable) == c)
                    && (cont || innermostBreakable(reachable) == c)) {
                target = c;
                text = cont ? "continue;" : "break;";
            }
            if (target != null) {
                if (cont) {
                    target.continueUsed = true;
                } else {
                    target.breakUsed = true;
                }
            }
        }
        if (target == null) {
            out.append(ind).append("log.append('.');\n");
            return true;
        }
        if (g.chance(85)) {
            out.append(ind).append("if (").append(s.x.condition(2)).append(") ").append(text).append('\n');
            return true;
        }
        out.append(ind).append(text).append('\n');
        return false;
    }

    private static Target innermostLoop(List<Target> reachable) {
        for (Target t : reachable) {
            if (t.kind == Target.Kind.LOOP) {
                return t;
            }
        }
        return null;
    }

    private static Target innermostBreakable(List<Target> reachable) {
        for (Target t : reachable) {
            if (t.kind == Target.Kind.LOOP || t.kind == Target.Kind.SWITCH) {
                return t;
            }
        }
        return null;
    }
}
