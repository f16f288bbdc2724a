package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;

/**
 * {@code for (x : aiter(source))} outside an async body: there each step of the loop is an await of the source;
 * elsewhere nothing can be awaited.
 */
public final class AsyncForOutsideAsync implements SourceCheck {

    @Override
    public String id() {
        return "ASYNC_FOR_OUTSIDE_ASYNC";
    }

    @Override
    public String summary() {
        return "for (x : aiter(source)) outside an async body";
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
                context.report(this, ((MethodCallExpr) iterable).getName(), "for (x : aiter(...)) outside an async body, in " + body.describe()
                        + ": each step of an async for must be awaited", "annotate the method with @Async and make "
                        + "it return Coroutine<T> (or use an async lambda): there the loop is async for");
            }
        }
    }

    private static boolean isAiter(MethodCallExpr call) {
        return call.getNameAsString().equals("aiter") && call.getArguments().size() == 1
                && call.getScope().map(s -> s.toString().endsWith(JasyncioNames.ASYNCIO_SIMPLE)).orElse(true);
    }
}
