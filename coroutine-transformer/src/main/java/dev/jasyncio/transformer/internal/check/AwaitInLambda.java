package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.LambdaExpr;

/**
 * {@code await} in a lambda whose functional interface does not return {@code Coroutine}: the lambda is a
 * separate method called later by whoever receives it (a stream, {@code forEach}, a callback), outside the
 * coroutine, so there is nothing to suspend even when the enclosing method is async.
 */
public final class AwaitInLambda implements SourceCheck {

    @Override
    public String id() {
        return "AWAIT_IN_LAMBDA";
    }

    @Override
    public String summary() {
        return "await in a lambda that is not an async lambda";
    }

    @Override
    public void visit(CheckContext context) {
        for (AwaitSite site : context.awaitSites()) {
            if (site.body().kind() == EnclosingBody.Kind.LAMBDA) {
                context.report(this, site.call().getName(),
                        "await in a lambda that is not async; the lambda runs later, outside the coroutine",
                        hintFor((LambdaExpr) site.body().node()));
            }
        }
    }

    private static String hintFor(LambdaExpr lambda) {
        String calledWith = AsyncLambdas.calledWith(lambda).map(c -> c.getNameAsString()).orElse("");
        return switch (calledWith) {
            case "forEach" -> "did you mean a for loop? for (var item : items) { await(...); } "
                    + "suspends the coroutine at each item";
            case "map" -> "did you mean await(gather(...))? start the awaitables in the stream, then await "
                    + "them all at once outside it";
            default -> "make the lambda's functional interface return Coroutine (e.g. AsyncFunction) and end it "
                    + "with return Coroutine.of(value), or move the await out of the lambda";
        };
    }
}
