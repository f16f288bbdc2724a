package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.MethodReferenceExpr;

/**
 * {@code Asyncio::await} as a method reference: it becomes a lambda that some other code calls, outside any
 * coroutine, so the await it stands for could never suspend.
 */
public final class AwaitMethodReference implements SourceCheck {

    @Override
    public String id() {
        return "AWAIT_METHOD_REFERENCE";
    }

    @Override
    public String summary() {
        return "Asyncio::await used as a method reference";
    }

    @Override
    public void visit(CheckContext context) {
        for (MethodReferenceExpr reference : context.awaitReferences()) {
            context.report(this, reference,
                    reference + " as a method reference: await must be called directly inside an async body",
                    "did you mean to call await(...) directly? to await many awaitables, await(gather(...)) once");
        }
    }
}
