package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.LambdaExpr;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Text;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code await} in a lambda whose functional interface does not return {@code Coroutine}: the lambda is a
 * separate method called later by whoever receives it (a stream, {@code forEach}, a callback), outside the
 * coroutine, so there is nothing to suspend even when the enclosing method is async.
 */
public final class AwaitInLambda implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.AWAIT_IN_LAMBDA;
    }

    @Override
    public void visit(CheckContext context) {
        for (AwaitSite site : context.awaitSites()) {
            if (site.body().kind() == EnclosingBody.Kind.LAMBDA) {
                context.report(textFor((LambdaExpr) site.body().node()), site.call().getName());
            }
        }
    }

    private static Text textFor(LambdaExpr lambda) {
        String calledWith = AsyncLambdas.calledWith(lambda).map(c -> c.getNameAsString()).orElse("");
        return switch (calledWith) {
            case "forEach" -> Texts.AWAIT_IN_FOR_EACH_LAMBDA;
            case "map" -> Texts.AWAIT_IN_MAP_LAMBDA;
            default -> Texts.AWAIT_IN_LAMBDA;
        };
    }
}
