package dev.jasyncio.transformer.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates expressions of an exact static type, with awaits anywhere an await is allowed: in operands, arguments,
 * array indexes and initializers, conditions of ternaries and of {@code &&} / {@code ||}, nested in other awaits,
 * and inside switch expressions. An await is written {@code ((type) AWAIT(e))} with {@code e} of that very type,
 * so both twins see the same boxing; see {@link FuzzProgram} for the markers.
 */
final class Expressions {

    private static final String[] STRINGS = {"", "a", "b", "ab", "x", "hi"};

    private final GenContext g;
    private final SwitchExpressions switches;

    Expressions(GenContext g, Statements statements) {
        this.g = g;
        this.switches = new SwitchExpressions(g, this, statements);
    }

    /** An expression of type {@code t}; {@code depth} bounds its nesting. */
    String expr(VType t, int depth) {
        if (depth <= 0 || g.chance(22)) {
            return leaf(t);
        }
        if (g.awaitAllowed && g.chance(35)) {
            return await(t, depth);
        }
        // Not a boolean one: javac 17 emits unverifiable code for 'switch (..) {..} && switch (..) {..}'; nor one of
        // mixed String / StringBuilder results: javac 17 crashes (AssertionError in Gen.visitYield).
        if (depth >= 2 && g.switchDepth < 2 && t != VType.BOOLEAN && t != VType.CHARSEQ && g.chance(4)) {
            return switches.generate(t, depth, false);
        }
        if (g.chance(6) && t != VType.OBJECT) {
            String choice = "(" + condition(depth - 1) + " ? " + expr(t, depth - 1) + " : " + expr(t, depth - 1) + ")";
            return t == VType.CHARSEQ ? asCharSequence(choice) : choice;
        }
        List<Var> targets = g.assignable(t);
        if (!targets.isEmpty() && g.chance(6)) {
            return sideEffect(g.pick(targets), depth);
        }
        if (t.array() != null && g.chance(6)) {
            return Numbers.element(g, this, t.array(), depth - 1);
        }
        switch (t) {
            case BOOLEAN: return bool(depth);
            case BYTE: case SHORT: return "((" + t.java + ") " + expr(VType.INT, depth - 1) + ")";
            case CHAR: return "((char) ('a' + (" + expr(VType.INT, depth - 1) + " & 15)))";
            case INT: return Numbers.integer(g, this, depth);
            case LONG: return Numbers.longValue(g, this, depth);
            case FLOAT: return Numbers.floatValue(g, this, depth);
            case DOUBLE: return Numbers.doubleValue(g, this, depth);
            case STRING: return string(depth);
            case INTEGER: return "Integer.valueOf(" + expr(VType.INT, depth - 1) + ")";
            case CHARSEQ: return charSequence(depth);
            case OBJECT: return "((Object) " + expr(g.pick(VType.INT, VType.STRING, VType.LONG, VType.INTEGER,
                    VType.BOOLEAN, VType.DOUBLE), depth - 1) + ")";
            default: return array(t, depth);
        }
    }

    /**
     * A boolean expression that is not a constant expression. No boolean expression generated is one (the boolean
     * literals are the static fields {@code z0} to {@code z3}, inputs; a comparison of constants goes through
     * {@code id(boolean)}): javac folds constant conditions and drops the dead code (less for the transformer to
     * see), and javac 17 crashes on a pattern binding in some dead code (AssertionError in Flow.AssignAnalyzer).
     */
    String condition(int depth) {
        String e = expr(VType.BOOLEAN, depth);
        return mayBeConstant(e) ? "id(" + e + ")" : e;
    }

    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("\"[^\"]*\"|'[^']*'|\\d[\\w.]*|[A-Za-z_$][\\w$]*");
    private static final java.util.Set<String> CONSTANT_WORDS = java.util.Set.of("true", "false", "int", "long",
            "short", "byte", "char", "float", "double", "boolean", "String");

    /** True unless the expression names a variable or calls a method (a conservative textual test). */
    static boolean mayBeConstant(String e) {
        java.util.regex.Matcher m = TOKEN.matcher(e);
        while (m.find()) {
            char c = m.group().charAt(0);
            if (c != '"' && c != '\'' && !Character.isDigit(c) && !CONSTANT_WORDS.contains(m.group())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A switch expression for a statement-level position with no long or double below it on the stack (a whole
     * initializer, the argument of log.append): it may contain try statements, unless an enclosing switch forbids.
     */
    String switchInitializer(VType t, int depth) {
        if (t == VType.CHARSEQ) {
            return expr(t, depth); // see expr: javac 17 crashes on some
        }
        return switches.generate(t, depth, g.switchDepth == 0 || g.switchTryAllowed);
    }

    /** {@code ((t) AWAIT(e))}, with one of the await kinds. */
    String await(VType t, int depth) {
        return awaitOf(t, expr(t, depth - 1));
    }

    /** {@code ((t) AWAIT(inner))}, {@code inner} being of type {@code t}, with one of the await kinds. */
    String awaitOf(VType t, String inner) {
        String marker;
        int k = g.nextInt(100);
        if (k < 52) {
            marker = "AWAIT";
        } else if (k < 65) {
            marker = "AWAIT_T";
        } else if (k < 76) {
            marker = "AWAIT_C";
        } else if (k < 85) {
            marker = "AWAIT_S";
        } else if (k < 91) {
            marker = g.instance && g.chance(50) ? "AWAIT_P" : "AWAIT_D";
        } else if (k < 95 || !g.instance) { // recursion through direct entries, sometimes past their depth limit
            marker = g.instance && g.chance(50) ? "AWAIT_Q" : "AWAIT_R";
            inner = (g.chance(80) ? 1 + g.nextInt(4) : 125 + g.nextInt(10)) + ", " + inner;
        } else {
            marker = g.chance(50) ? "AWAIT_P" : "AWAIT_I";
        }
        g.checkedPossible = true; // every await helper declares the checked test exception
        return "((" + t.java + ") " + marker + "(" + inner + "))";
    }

    /** A variable of type {@code t} or a literal. */
    String leaf(VType t) {
        List<Var> vs = g.visible(t);
        if (!vs.isEmpty() && g.chance(70)) {
            return g.pick(vs).name;
        }
        return literal(t);
    }

    String literal(VType t) {
        switch (t) {
            case BOOLEAN: return "z" + g.nextInt(4); // inputs (static fields): constants would be folded
            case BYTE: return "((byte) " + (g.nextInt(300) - 100) + ")";
            case SHORT: return "((short) " + (g.nextInt(70000) - 35000) + ")";
            case CHAR: return "'" + (char) ('a' + g.nextInt(6)) + "'";
            case INT: return g.chance(85) ? signed(g.nextInt(24) - 4, "") : g.pick("1048576", "2147483647", "(-1000)");
            case LONG: return g.chance(85) ? signed(g.nextInt(40) - 5, "L") : g.pick("1099511627776L", "(-7L)");
            case FLOAT: return g.pick("1.5f", "0.25f", "(-2.0f)", "3f");
            case DOUBLE: return g.pick("0.5", "1.25", "(-3.0)", "1e3", "0.1");
            case STRING: return "\"" + g.pick(STRINGS) + "\"";
            case INTEGER: return "Integer.valueOf(" + literal(VType.INT) + ")";
            case CHARSEQ: return g.chance(50) ? "\"ab\"" : "new " + g.pick("StringBuilder",
                    GenContext.AVOID.contains("builderMerge") ? "StringBuilder" : "StringBuffer") + "(\"x\")";
            case OBJECT: return g.chance(20) ? "((Object) null)" : "((Object) " + literal(g.pick(VType.INT, VType.STRING, VType.LONG)) + ")";
            default: return arrayLiteral(t, 0);
        }
    }

    private static String signed(int v, String suffix) {
        return v < 0 ? "(" + v + suffix + ")" : v + suffix;
    }

    /** {@code new int[] {e, ...}}: one to four elements, each may await. */
    String arrayLiteral(VType t, int depth) {
        int n = 1 + g.nextInt(4);
        StringBuilder s = new StringBuilder("new " + t.java + " {");
        for (int i = 0; i < n; i++) {
            s.append(i > 0 ? ", " : "").append(depth > 0 ? expr(t.element(), depth - 1) : literal(t.element()));
        }
        return s.append("}").toString();
    }

    /** Never a String[] holding null: a NullPointerException's message names the variables, differently in the twins. */
    private String array(VType t, int depth) {
        List<Var> vs = g.visible(t);
        switch (g.nextInt(vs.isEmpty() ? 2 : 4)) {
            case 0: return arrayLiteral(t, depth);
            case 1: return t == VType.STRING_ARRAY ? arrayLiteral(t, depth)
                    : "new " + t.element().java + "[" + (1 + g.nextInt(3)) + "]";
            case 2: return g.pick(vs).name + ".clone()";
            default: return t == VType.STRING_ARRAY ? g.pick(vs).name
                    : "java.util.Arrays.copyOf(" + g.pick(vs).name + ", " + (1 + g.nextInt(4)) + ")";
        }
    }

    /** {@code v++}, {@code (v = e)}, {@code (v += e)} and the like, as an expression. */
    private String sideEffect(Var v, int depth) {
        switch (v.type) {
            case BOOLEAN: return "(" + v.name + " = " + expr(VType.BOOLEAN, depth - 1) + ")";
            case STRING: return "(" + v.name + " += " + expr(g.pick(VType.INT, VType.CHAR, VType.BOOLEAN), depth - 1)
                    + ")";
            case OBJECT: case INTEGER: case CHARSEQ:
                return "(" + v.name + " = " + expr(v.type, depth - 1) + ")";
            default:
                if (v.type.isArray()) {
                    return "(" + v.name + " = " + expr(v.type, depth - 1) + ")";
                }
                switch (g.nextInt(4)) {
                    case 0: return "(" + v.name + "++)";
                    case 1: return "(--" + v.name + ")";
                    case 2: return "(" + v.name + " = " + expr(v.type, depth - 1) + ")";
                    default: return "(" + v.name + " += " + expr(v.type, depth - 1) + ")";
                }
        }
    }

    private String bool(int depth) {
        int d = depth - 1;
        switch (g.nextInt(10)) {
            case 0: case 1: {
                VType t = g.pick(VType.INT, VType.LONG, VType.DOUBLE, VType.CHAR, VType.INT);
                String cmp = "(" + expr(t, d) + " " + g.pick("<", "<=", ">", ">=", "==", "!=") + " " + expr(t, d) + ")";
                return mayBeConstant(cmp) ? "id(" + cmp + ")" : cmp;
            }
            case 2: case 3: return "(" + condition(d) + " && " + expr(VType.BOOLEAN, d) + ")";
            case 4: case 5: return "(" + condition(d) + " || " + expr(VType.BOOLEAN, d) + ")";
            case 6: return "(!" + expr(VType.BOOLEAN, d) + ")";
            case 7: return "(" + expr(VType.BOOLEAN, d) + " ^ " + expr(VType.BOOLEAN, d) + ")";
            case 8: return g.pick("(", "!(") + expr(VType.STRING, d) + g.pick(".equals(", ".startsWith(") + expr(
                    VType.STRING, d) + "))";
            default: {
                // No pattern binding ('o instanceof Integer i'): javac 17's Flow.AssignAnalyzer crashes on some.
                String o = leaf(VType.OBJECT);
                return g.chance(50)
                        ? "(" + o + " instanceof Integer && (Integer) " + o + " > " + expr(VType.INT, d) + ")"
                        : "(" + o + " instanceof String ? ((String) " + o + ").isEmpty() : " + expr(VType.BOOLEAN, d) + ")";
            }
        }
    }

    private String string(int depth) {
        int d = depth - 1;
        switch (g.nextInt(12)) {
            case 0: case 1: case 2: return "(" + expr(VType.STRING, d) + " + " + expr(scalar(), d) + ")";
            case 3: return "(\"\" + " + expr(scalar(), d) + " + " + expr(scalar(), d) + ")";
            case 4: return "String.valueOf(" + expr(scalar(), d) + ")";
            case 5: return "cat(" + expr(scalar(), d) + ", " + expr(scalar(), d) + ", " + expr(scalar(), d) + ")";
            case 6: return "tail(" + expr(VType.STRING, d) + ")";
            case 7: {
                VType t = g.pick(VType.INT_ARRAY, VType.LONG_ARRAY, VType.BYTE_ARRAY, VType.DOUBLE_ARRAY,
                        VType.STRING_ARRAY);
                return "java.util.Arrays.toString(" + expr(t, d) + ")";
            }
            case 8: return "str(" + expr(VType.OBJECT, d) + ")";
            case 9: {
                boolean saved = g.enterConstructorArguments();
                String arg = expr(VType.STRING, d);
                g.awaitAllowed = saved;
                return "new StringBuilder(" + arg + ").append(" + expr(scalar(), d) + ").reverse().toString()";
            }
            case 10: return "String.format(\"%s/%s/%s\", " + expr(scalar(), d) + ", " + expr(scalar(), d) + ", "
                    + expr(scalar(), d) + ")"; // varargs: the array is on the stack while its elements await
            default: return "Long.toHexString(" + expr(VType.LONG, d) + ")";
        }
    }

    /** A String, StringBuilder or StringBuffer, or a choice between a builder and a buffer. */
    private String charSequence(int depth) {
        int k = g.nextInt(3);
        if (k == 0) {
            return expr(VType.STRING, depth - 1);
        }
        String buffer = GenContext.AVOID.contains("builderMerge") ? "StringBuilder" : "StringBuffer";
        String c = k == 1 ? null : condition(depth - 1);
        boolean saved = g.enterConstructorArguments();
        // generate only what is used: generating an await marks the try body around as throwing
        String a = expr(VType.STRING, depth - 1);
        String b = k == 1 ? null : expr(VType.STRING, depth - 1);
        g.awaitAllowed = saved;
        return k == 1 ? "new " + g.pick("StringBuilder", buffer) + "(" + a + ")"
                : asCharSequence("(" + c + " ? new StringBuilder(" + a + ") : new " + buffer + "(" + b + "))");
    }

    /**
     * A choice between a StringBuilder and a StringBuffer for an initializer: the value on the stack, and then in the
     * local, has the verifier type AbstractStringBuilder, which the method cannot name.
     */
    String builderChoice(int depth) {
        String buffer = GenContext.AVOID.contains("builderMerge") ? "StringBuilder" : "StringBuffer";
        String c = condition(depth - 1);
        boolean saved = g.enterConstructorArguments();
        String a = expr(VType.STRING, depth - 1);
        String b = expr(VType.STRING, depth - 1);
        g.awaitAllowed = saved;
        return "(" + c + " ? new StringBuilder(" + a + ") : new " + buffer + "(" + b + "))";
    }

    /**
     * {@code ((CharSequence) choice)}: used as it is, a choice between a StringBuilder and a StringBuffer has the
     * type AbstractStringBuilder in javac's code too (a call or a string concatenation naming it fails with
     * IllegalAccessError in both twins); the upcast emits no instruction, so the verifier type stays.
     */
    private static String asCharSequence(String choice) {
        return "((CharSequence) " + choice + ")";
    }

    /** Any non-array type: what may be concatenated, logged or passed as an Object. */
    VType scalar() {
        VType[] all = VType.values();
        List<VType> ok = new ArrayList<>();
        for (VType t : all) {
            if (!t.isArray()) {
                ok.add(t);
            }
        }
        return g.pick(ok);
    }
}
