package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code @Async} on a method without a body: abstract, an interface method without {@code default}, or native.
 * The transformer rewrites a body; being async is a property of an implementation, not of a signature.
 */
public final class AsyncAbstract implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.ASYNC_ABSTRACT;
    }

    @Override
    public void visit(CheckContext context) {
        for (CheckContext.AsyncMethod async : context.asyncMethods()) {
            MethodDeclaration method = async.method();
            String name = method.getNameAsString();
            if (method.isNative()) {
                context.report(Texts.ASYNC_NATIVE, async.annotation(), name);
            } else if (method.getBody().isEmpty()) {
                context.report(Texts.ASYNC_ABSTRACT, async.annotation(), name,
                        Suggestions.coroutineOf(method.getType()));
            }
        }
    }
}
