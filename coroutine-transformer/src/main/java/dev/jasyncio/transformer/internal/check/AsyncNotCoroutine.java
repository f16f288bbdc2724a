package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.type.Type;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code @Async} on a method whose return type is not {@code Coroutine<T>}: calling an async method must hand
 * back the not-yet-started coroutine, so no other return type can work.
 */
public final class AsyncNotCoroutine implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.ASYNC_NOT_COROUTINE;
    }

    @Override
    public void visit(CheckContext context) {
        for (CheckContext.AsyncMethod async : context.asyncMethods()) {
            MethodDeclaration method = async.method();
            Type type = method.getType();
            if (!AsyncMarkers.isCoroutine(type) && !AsyncMarkers.isGenerator(type)) {
                context.report(Texts.ASYNC_NOT_COROUTINE, async.annotation(), method.getNameAsString(),
                        type.asString(), Suggestions.coroutineOf(type), Suggestions.returnOf(type));
            }
        }
    }
}
