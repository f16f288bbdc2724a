package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

/**
 * {@code await} in a method that is not {@code @Async}, or in a constructor, an initializer or a field
 * initializer: nothing there can be suspended, so the transformer would have no coroutine to rewrite.
 */
public final class AwaitOutsideAsync implements SourceCheck {

    @Override
    public String id() {
        return "AWAIT_OUTSIDE_ASYNC";
    }

    @Override
    public String summary() {
        return "await called outside an async body";
    }

    @Override
    public void visit(CheckContext context) {
        for (AwaitSite site : context.awaitSites()) {
            EnclosingBody body = site.body();
            switch (body.kind()) {
                case METHOD -> {
                    MethodDeclaration method = (MethodDeclaration) body.node();
                    context.report(this, site.call().getName(),
                            "await outside an async body: method " + method.getNameAsString() + " is not @Async",
                            hintFor(method));
                }
                case CONSTRUCTOR, INITIALIZER, FIELD -> context.report(this, site.call().getName(),
                        "await in " + body.describe() + ": constructors and initializers cannot suspend",
                        "move the awaiting code into an @Async method, e.g. an @Async static factory "
                                + "returning Coroutine<" + enclosingTypeName(body) + ">");
                default -> {
                    // Async bodies are fine here; lambdas have their own rule.
                }
            }
        }
    }

    private static String hintFor(MethodDeclaration method) {
        String name = method.getNameAsString();
        if (isMain(method)) {
            return "did you mean to move this code into an @Async method and start it with Asyncio.run(...) from main?";
        }
        if (AsyncMarkers.isCoroutine(method.getType())) {
            return "did you mean to annotate " + name + " with @Async?";
        }
        return "did you mean @Async " + Suggestions.coroutineOf(method.getType()) + " " + name + "(...)? "
                + Suggestions.returnOf(method.getType()) + ", and callers await it";
    }

    private static boolean isMain(MethodDeclaration method) {
        return method.getNameAsString().equals("main") && method.isStatic() && method.getType().isVoidType();
    }

    // rawtypes: JavaParser's TypeDeclaration is generic in its own subtype; unchecked: findAncestor takes a
    // varargs of Class<N> (not @SafeVarargs) and its one-type alternative is deprecated.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String enclosingTypeName(EnclosingBody body) {
        return body.node().findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString).orElse("T");
    }
}
