package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Assignment statements: plain, compound ({@code v op= AWAIT(e)} with implicit narrowing), increments, and array
 * elements, including {@code a[i++] += AWAIT(v)}, where array, index and old value all wait on the stack.
 */
final class Assignments {

    private Assignments() {
    }

    static boolean assign(GenContext g, Expressions x, StringBuilder out, String ind) {
        List<Var> candidates = new ArrayList<>();
        for (Var v : g.visible()) {
            if (v.assignable) {
                candidates.add(v);
            }
        }
        if (candidates.isEmpty()) {
            return true;
        }
        Var v = g.pick(candidates);
        String stmt = v.type.isArray() && g.chance(75) ? element(g, x, v) : scalar(g, x, v);
        out.append(ind).append(stmt).append(";\n");
        if (g.chance(40)) {
            out.append(ind).append(Statements.logOf(v.name, v.type)).append(";\n");
        }
        return true;
    }

    private static String scalar(GenContext g, Expressions x, Var v) {
        VType t = v.type;
        if (t == VType.STRING) {
            return g.chance(50) ? v.name + " = cut(" + x.expr(VType.STRING, 3) + ")"
                    : v.name + " += " + x.expr(g.pick(VType.INT, VType.CHAR, VType.LONG, VType.BOOLEAN, VType.DOUBLE), 3);
        }
        if (t == VType.BOOLEAN) {
            return v.name + " " + g.pick("=", "&=", "|=", "^=") + " " + x.expr(VType.BOOLEAN, 3);
        }
        if (t == VType.INTEGER) {
            return g.chance(30) ? v.name + "++" : v.name + " " + g.pick("=", "+=") + " "
                    + x.expr(g.chance(50) ? VType.INTEGER : VType.INT, 3);
        }
        if (!t.isNumeric()) {
            return v.name + " = " + x.expr(t, 3);
        }
        switch (g.nextInt(5)) {
            case 0: return g.chance(50) ? v.name + "++" : "--" + v.name;
            case 1: return v.name + " = " + x.expr(t, 3);
            case 2: return v.name + " " + g.pick("+=", "-=", "*=") + " " + x.expr(numeric(g), 3);
            case 3:
                if (t.isIntegral()) {
                    return v.name + " " + g.pick("&=", "|=", "^=", "<<=", ">>=", "/=", "%=") + " "
                            + x.expr(g.pick(VType.INT, VType.LONG, VType.CHAR, VType.BYTE), 3);
                }
                return v.name + " /= " + x.expr(numeric(g), 3);
            default: return v.name + " += " + x.expr(t, 3);
        }
    }

    private static VType numeric(GenContext g) {
        return g.pick(VType.INT, VType.LONG, VType.DOUBLE, VType.FLOAT, VType.BYTE, VType.SHORT, VType.CHAR);
    }

    /** {@code a[index] op= e}, the index sometimes an {@code i++} on an int variable. */
    private static String element(GenContext g, Expressions x, Var a) {
        String index;
        List<Var> ints = g.assignable(VType.INT);
        if (!ints.isEmpty() && g.chance(40)) {
            String i = g.pick(ints).name;
            index = g.chance(85) ? "Math.floorMod(" + i + "++, " + a.name + ".length)" : i + "++";
        } else {
            index = "Math.floorMod(" + x.expr(VType.INT, 2) + ", " + a.name + ".length)";
        }
        String lhs = a.name + "[" + index + "]";
        VType e = a.type.element();
        switch (g.nextInt(e == VType.STRING ? 2 : 4)) {
            case 0: return e == VType.STRING ? lhs + " = cut(" + x.expr(e, 3) + ")" : lhs + "++";
            case 1: {
                // generated here only: generating marks the try body as throwing what an await throws
                VType rt = e == VType.STRING ? g.pick(VType.INT, VType.CHAR, VType.BOOLEAN) : e;
                return lhs + " += " + (g.awaitAllowed ? x.await(rt, 3) : x.expr(rt, 3));
            }
            case 2: return lhs + " = " + x.expr(e, 3);
            default: return lhs + " " + g.pick(e.isIntegral() ? new String[] {"+=", "-=", "*=", "^="}
                    : new String[] {"+=", "-=", "*=", "/="}) + " " + x.expr(e, 3);
        }
    }
}
