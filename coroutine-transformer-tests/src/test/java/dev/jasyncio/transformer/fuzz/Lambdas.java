package dev.jasyncio.transformer.fuzz;

/**
 * Async lambdas: an {@code AsyncFunction<Integer, String>} whose body is generated like a program's (awaits, loops,
 * try statements, returns), seeing only its parameter and the fields, then awaited once or twice. javac compiles
 * the body into a synthetic method, which the transformer rewrites like an {@code @Async} method.
 */
final class Lambdas {

    private final GenContext g;
    private final Statements s;

    Lambdas(GenContext g, Statements s) {
        this.g = g;
        this.s = s;
    }

    boolean generate(StringBuilder out, String ind) {
        String f = g.fresh("fn");
        String param = g.fresh("a");
        String inner = ind + Statements.INDENT;
        boolean savedChecked = g.checkedPossible;
        boolean savedReturn = g.returnAllowed;
        boolean savedThrow = g.throwAllowed;
        g.returnAllowed = true;
        g.throwAllowed = true;
        g.pushTarget(new Target(Target.Kind.BARRIER, null));
        int saved = g.enterLambda();
        g.declare(new Var(param, VType.INTEGER, false));
        out.append(ind).append("ASYNC_FN ").append(f).append(" = ").append(param).append(" -> {\n");
        out.append(inner).append("try {\n");
        boolean cc = s.block(out, inner + Statements.INDENT, 1 + g.nextInt(4));
        if (cc) {
            out.append(inner).append(Statements.INDENT).append("RETURN(\"l:\" + ").append(s.summary()).append(");\n");
        }
        String e = g.fresh("x");
        out.append(inner).append("} catch (Exception ").append(e).append(") {\n");
        out.append(inner).append(Statements.INDENT).append("RETURN(\"lc:\" + ").append(e).append(".getMessage());\n");
        out.append(inner).append("}\n");
        out.append(ind).append("};\n");
        g.exitLambda(saved);
        g.popTarget();
        g.checkedPossible = savedChecked; // what the body throws stays in the body
        g.returnAllowed = savedReturn;
        g.throwAllowed = savedThrow;
        int calls = 1 + g.nextInt(2);
        for (int i = 0; i < calls; i++) {
            out.append(ind).append("log.append(((String) AWAIT_L(").append(f).append(".apply(")
                    .append(s.x.expr(VType.INTEGER, 2)).append(")))).append(';');\n");
        }
        return true;
    }
}
