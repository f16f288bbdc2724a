package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;

/**
 * {@code @Async} on a method without a body: abstract, an interface method without {@code default}, or native.
 * The transformer rewrites a body; being async is a property of an implementation, not of a signature.
 */
public final class AsyncAbstract implements SourceCheck {

    @Override
    public String id() {
        return "ASYNC_ABSTRACT";
    }

    @Override
    public String summary() {
        return "@Async on an abstract, bodiless interface, or native method";
    }

    @Override
    public void visit(CheckContext context) {
        for (CheckContext.AsyncMethod async : context.asyncMethods()) {
            MethodDeclaration method = async.method();
            String name = method.getNameAsString();
            if (method.isNative()) {
                context.report(this, async.annotation(),
                        "@Async on native method " + name + ": only a method with a Java body can be async",
                        "remove @Async; to call it without blocking the loop, await(toThread(() -> "
                                + name + "(...))) from an @Async method");
            } else if (method.getBody().isEmpty()) {
                context.report(this, async.annotation(),
                        "@Async on abstract method " + name + ": only a method with a body can be async",
                        "remove @Async here and put it on each implementation; the declaration only returns "
                                + Suggestions.coroutineOf(method.getType()));
            }
        }
    }
}
