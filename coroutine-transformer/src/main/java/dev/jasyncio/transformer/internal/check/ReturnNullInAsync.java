package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code return null;} in an async body. An async body returns a coroutine, and the transformer makes
 * {@code return coroutine} await it (so a body may end by delegating to another); a null coroutine has nothing to
 * await, so the body would fail when it returns. The value of an async body is returned with
 * {@code return Coroutine.of(value)}. Async lambdas count only when they await, as the bytecode pass transforms
 * only those.
 */
public final class ReturnNullInAsync implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.RETURN_NULL_IN_ASYNC;
    }

    @Override
    public void visit(CheckContext context) {
        Set<Node> awaitingLambdas = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AwaitSite site : context.awaitSites()) {
            if (site.body().kind() == EnclosingBody.Kind.ASYNC_LAMBDA) {
                awaitingLambdas.add(site.body().node());
            }
        }
        for (CheckContext.ReturnSite ret : context.nullReturns()) {
            EnclosingBody body = ret.body();
            // An async generator ends its own way (AsyncGenerator.end()): not this rule's.
            boolean generator = body.node() instanceof MethodDeclaration m && AsyncMarkers.isGenerator(m.getType());
            boolean async = body.kind() == EnclosingBody.Kind.ASYNC_METHOD && !generator
                    || body.kind() == EnclosingBody.Kind.ASYNC_LAMBDA && awaitingLambdas.contains(body.node());
            if (!async) {
                continue;
            }
            String where = body.node() instanceof MethodDeclaration method
                    ? "@Async method " + method.getNameAsString() : "an async lambda";
            context.report(Texts.RETURN_NULL_IN_ASYNC, ret.statement(), where);
        }
    }
}
