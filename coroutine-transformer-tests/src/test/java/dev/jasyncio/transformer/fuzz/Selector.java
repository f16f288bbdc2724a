package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a switch switches on and its case labels, grouped ({@code case 1, 2 ->} / {@code case 1: case 2:}): dense
 * ints (a tableswitch), sparse ints (a lookupswitch), strings (hash and equals), chars, or an enum (javac's
 * synthetic switch-map class).
 */
final class Selector {

    final String expr;
    final List<List<String>> groups;

    private Selector(String expr, List<List<String>> groups) {
        this.expr = expr;
        this.groups = groups;
    }

    static Selector random(GenContext g, Expressions x, int depth) {
        List<String> labels = new ArrayList<>();
        String expr;
        switch (g.nextInt(5)) {
            case 4:
                expr = "Color.values()[Math.floorMod(" + x.expr(VType.INT, depth) + ", 3)]";
                Collections.addAll(labels, "RED", "GREEN", "BLUE");
                break;
            case 0: {
                int m = 2 + g.nextInt(4);
                expr = "Math.floorMod(" + x.expr(VType.INT, depth) + ", " + m + ")";
                for (int i = 0; i < m + 1; i++) {
                    labels.add(Integer.toString(i));
                }
                break;
            }
            case 1:
                expr = "(Math.floorMod(" + x.expr(VType.INT, depth) + ", 4) * 100)";
                Collections.addAll(labels, "0", "100", "200", "300", "1000");
                break;
            case 2:
                expr = x.expr(VType.STRING, depth);
                Collections.addAll(labels, "\"\"", "\"a\"", "\"b\"", "\"ab\"", "\"x\"", "\"hi\"");
                break;
            default:
                expr = x.expr(VType.CHAR, depth);
                Collections.addAll(labels, "'a'", "'b'", "'c'", "'d'", "'e'");
                break;
        }
        Collections.shuffle(labels, g.rnd);
        int n = 1 + g.nextInt(Math.min(4, labels.size()));
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < n; ) {
            int size = Math.min(n - i, g.chance(30) ? 2 : 1);
            groups.add(new ArrayList<>(labels.subList(i, i + size)));
            i += size;
        }
        return new Selector(expr, groups);
    }

    /** {@code case a, b ->} */
    static String arrowLabel(List<String> group) {
        return "case " + String.join(", ", group) + " ->";
    }

    /** {@code case a: case b:} */
    static String colonLabel(List<String> group) {
        StringBuilder s = new StringBuilder();
        for (String l : group) {
            s.append(s.length() > 0 ? " " : "").append("case ").append(l).append(':');
        }
        return s.toString();
    }
}
