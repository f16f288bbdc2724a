package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.MethodReferenceExpr;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code Asyncio::await} as a method reference: it becomes a lambda that some other code calls, outside any
 * coroutine, so the await it stands for could never suspend.
 */
public final class AwaitMethodReference implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.AWAIT_METHOD_REFERENCE;
    }

    @Override
    public void visit(CheckContext context) {
        for (MethodReferenceExpr reference : context.awaitReferences()) {
            context.report(Texts.AWAIT_METHOD_REFERENCE, reference, reference.toString());
        }
    }
}
