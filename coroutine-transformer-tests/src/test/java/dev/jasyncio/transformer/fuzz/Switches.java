package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Switch statements: colon groups (braced, with or without break, falling through) or arrow rules. */
final class Switches {

    private final GenContext g;
    private final Statements s;

    Switches(GenContext g, Statements s) {
        this.g = g;
        this.s = s;
    }

    boolean generate(StringBuilder out, String ind) {
        Selector sel = Selector.random(g, s.x, 2);
        boolean arrow = g.chance(40);
        boolean hasDefault = g.chance(70);
        List<String> labels = new ArrayList<>();
        for (List<String> group : sel.groups) {
            labels.add(arrow ? Selector.arrowLabel(group) : Selector.colonLabel(group));
        }
        if (hasDefault) {
            labels.add(arrow ? "default ->" : "default:");
        }
        Target t = new Target(Target.Kind.SWITCH, null);
        String inner = ind + Statements.INDENT;
        out.append(ind).append("switch (").append(sel.expr).append(") {\n");
        g.pushTarget(t);
        boolean anyRule = false;
        boolean last = true;
        for (String label : labels) {
            boolean cc = arrow ? arrowRule(out, inner, label) : colonGroup(out, inner, label, t);
            anyRule |= cc;
            last = cc;
        }
        g.popTarget();
        out.append(ind).append("}\n");
        return !hasDefault || t.breakUsed || (arrow ? anyRule : last);
    }

    private boolean arrowRule(StringBuilder out, String ind, String label) {
        int k = g.nextInt(10);
        if (k < 3) {
            out.append(ind).append(label).append(" log.append(").append(s.x.expr(VType.STRING, 2)).append(");\n");
            return true;
        }
        if (k < 4 && g.throwAllowed) {
            out.append(ind).append(label).append(" throw fail(").append(s.x.expr(VType.INT, 2)).append(");\n");
            return false;
        }
        out.append(ind).append(label).append(" {\n");
        boolean cc = s.block(out, ind + Statements.INDENT, 1 + g.nextInt(3));
        out.append(ind).append("}\n");
        return cc;
    }

    private boolean colonGroup(StringBuilder out, String ind, String label, Target t) {
        out.append(ind).append(label).append(" {\n");
        boolean cc = s.block(out, ind + Statements.INDENT, 1 + g.nextInt(3));
        out.append(ind).append("}\n");
        if (cc && g.chance(60)) {
            out.append(ind).append("break;\n");
            t.breakUsed = true;
            return false;
        }
        return cc;
    }
}
