package dev.jasyncio.transformer.fuzz;

import java.util.List;

/**
 * Numeric expressions: arithmetic that leaves int, long and double operands on the stack under an await, calls
 * with awaits among their arguments, array elements with awaited indexes, casts between the primitive types.
 */
final class Numbers {

    private Numbers() {
    }

    static String integer(GenContext g, Expressions x, int depth) {
        int d = depth - 1;
        switch (g.nextInt(14)) {
            case 0: case 1: case 2:
                return "(" + x.expr(VType.INT, d) + " " + g.pick("+", "-", "*", "&", "|", "^") + " "
                        + x.expr(VType.INT, d) + ")";
            case 3: return "(" + x.expr(VType.INT, d) + " " + g.pick("/", "%") + " " + divisor(g, x, VType.INT, d) + ")";
            case 4: return "(" + x.expr(VType.INT, d) + " " + g.pick("<<", ">>", ">>>") + " (" + x.expr(VType.INT, d)
                    + " & 7))";
            case 5: return g.pick("(-", "(~") + x.expr(VType.INT, d) + ")";
            case 6: return "((int) " + x.expr(g.pick(VType.LONG, VType.DOUBLE, VType.CHAR, VType.BYTE, VType.SHORT,
                    VType.FLOAT, VType.INTEGER), d) + ")";
            case 7: return "f3(" + x.expr(VType.INT, d) + ", " + x.expr(VType.INT, d) + ", " + x.expr(VType.INT, d) + ")";
            case 8: return g.pick("Math.max(", "Math.min(", "Math.floorMod(") + x.expr(VType.INT, d) + ", "
                    + divisor(g, x, VType.INT, d) + ")";
            case 9: return x.expr(g.pick(VType.STRING, VType.CHARSEQ), d) + ".length()";
            case 10: return element(g, x, VType.INT_ARRAY, d);
            case 11: return "Long.compare(" + x.expr(VType.LONG, d) + ", " + x.expr(VType.LONG, d) + ")";
            case 12: return "(" + x.expr(VType.CHAR, d) + " - 'a')";
            default: return "(" + x.condition(d) + " ? 1 : 0)";
        }
    }

    static String longValue(GenContext g, Expressions x, int depth) {
        int d = depth - 1;
        switch (g.nextInt(10)) {
            case 0: case 1: case 2:
                return "(" + x.expr(VType.LONG, d) + " " + g.pick("+", "-", "*", "&", "|", "^") + " "
                        + x.expr(g.pick(VType.LONG, VType.INT), d) + ")";
            case 3: return "(" + x.expr(VType.LONG, d) + " " + g.pick("/", "%") + " " + divisor(g, x, VType.LONG, d) + ")";
            case 4: return "(" + x.expr(VType.LONG, d) + " " + g.pick("<<", ">>", ">>>") + " (" + x.expr(VType.INT, d)
                    + " & 15))";
            case 5: return "((long) " + x.expr(g.pick(VType.INT, VType.DOUBLE, VType.CHAR, VType.FLOAT), d) + ")";
            case 6: return "mix(" + x.expr(VType.LONG, d) + ", " + x.expr(VType.INT, d) + ", " + x.expr(VType.DOUBLE, d)
                    + ", " + x.expr(VType.STRING, d) + ")";
            case 7: return g.pick("Math.max(", "Math.min(") + x.expr(VType.LONG, d) + ", " + x.expr(VType.LONG, d) + ")";
            case 8: return element(g, x, VType.LONG_ARRAY, d);
            default: return "(-" + x.expr(VType.LONG, d) + ")";
        }
    }

    static String doubleValue(GenContext g, Expressions x, int depth) {
        int d = depth - 1;
        switch (g.nextInt(6)) {
            case 0: case 1:
                return "(" + x.expr(VType.DOUBLE, d) + " " + g.pick("+", "-", "*", "/") + " "
                        + x.expr(g.pick(VType.DOUBLE, VType.INT, VType.LONG, VType.FLOAT), d) + ")";
            case 2: return "Math.sqrt(Math.abs(" + x.expr(VType.DOUBLE, d) + "))";
            case 3: return "((double) " + x.expr(g.pick(VType.INT, VType.LONG, VType.FLOAT), d) + ")";
            case 4: return "dmix(" + x.expr(VType.DOUBLE, d) + ", " + x.expr(VType.LONG, d) + ", "
                    + x.expr(VType.DOUBLE, d) + ")";
            default: return "Math.floor(" + x.expr(VType.DOUBLE, d) + ")";
        }
    }

    static String floatValue(GenContext g, Expressions x, int depth) {
        int d = depth - 1;
        switch (g.nextInt(3)) {
            case 0: return "(" + x.expr(VType.FLOAT, d) + " " + g.pick("+", "-", "*") + " "
                    + x.expr(g.pick(VType.FLOAT, VType.INT), d) + ")";
            case 1: return "((float) " + x.expr(g.pick(VType.INT, VType.DOUBLE), d) + ")";
            default: return "Math.abs(" + x.expr(VType.FLOAT, d) + ")";
        }
    }

    /** A divisor: mostly never zero, sometimes whatever comes (an ArithmeticException is a fine outcome). */
    private static String divisor(GenContext g, Expressions x, VType t, int d) {
        String e = x.expr(t, d);
        return g.chance(10) ? e : "(" + e + " | 1)";
    }

    /**
     * An array element: {@code a[Math.floorMod(i, a.length)]} with the array on the stack while the index awaits,
     * sometimes a raw index (which may throw), or the first element of an awaited array.
     */
    static String element(GenContext g, Expressions x, VType arrayType, int d) {
        List<Var> vs = g.visible(arrayType);
        if (vs.isEmpty() || g.chance(20)) {
            return "(" + x.expr(arrayType, d) + ")[0]";
        }
        String a = g.pick(vs).name;
        return g.chance(95) ? a + "[Math.floorMod(" + x.expr(VType.INT, d) + ", " + a + ".length)]"
                : a + "[" + x.expr(VType.INT, d) + "]";
    }
}
