package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code for (x : aiter(source))} outside an async body: there each step of the loop is an await of the source;
 * elsewhere nothing can be awaited.
 */
public final class AsyncForOutsideAsync implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.ASYNC_FOR_OUTSIDE_ASYNC;
    }

    @Override
    public void visit(CheckContext context) {
        for (ForEachStmt loop : context.unit().findAll(ForEachStmt.class)) {
            Expression iterable = loop.getIterable();
            if (!(iterable instanceof MethodCallExpr) || !isAiter((MethodCallExpr) iterable)) {
                continue;
            }
            EnclosingBody body = context.bodyOf(loop);
            if (!body.kind().isAsync()) {
                context.report(Texts.ASYNC_FOR_OUTSIDE_ASYNC, ((MethodCallExpr) iterable).getName(), body.describe());
            }
        }
    }

    private static boolean isAiter(MethodCallExpr call) {
        return call.getNameAsString().equals("aiter") && call.getArguments().size() == 1
                && call.getScope().map(s -> s.toString().endsWith(JasyncioNames.ASYNCIO_SIMPLE)).orElse(true);
    }
}
