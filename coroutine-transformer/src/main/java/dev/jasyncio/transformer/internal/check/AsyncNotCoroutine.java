package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.type.Type;

/**
 * {@code @Async} on a method whose return type is not {@code Coroutine<T>}: calling an async method must hand
 * back the not-yet-started coroutine, so no other return type can work.
 */
public final class AsyncNotCoroutine implements SourceCheck {

    @Override
    public String id() {
        return "ASYNC_NOT_COROUTINE";
    }

    @Override
    public String summary() {
        return "@Async method that does not return Coroutine<T>";
    }

    @Override
    public void visit(CheckContext context) {
        for (CheckContext.AsyncMethod async : context.asyncMethods()) {
            MethodDeclaration method = async.method();
            Type type = method.getType();
            if (!AsyncMarkers.isCoroutine(type)) {
                context.report(this, async.annotation(), "@Async method " + method.getNameAsString()
                                + " must return Coroutine<T>, not " + type.asString(),
                        "did you mean " + Suggestions.coroutineOf(type) + "? " + Suggestions.returnOf(type));
            }
        }
    }
}
