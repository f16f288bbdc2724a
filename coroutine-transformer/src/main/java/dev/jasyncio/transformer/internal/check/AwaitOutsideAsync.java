package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Text;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code await} in a method that is not {@code @Async}, or in a constructor, an initializer or a field
 * initializer: nothing there can be suspended, so the transformer would have no coroutine to rewrite.
 */
public final class AwaitOutsideAsync implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.AWAIT_OUTSIDE_ASYNC;
    }

    @Override
    public void visit(CheckContext context) {
        for (AwaitSite site : context.awaitSites()) {
            EnclosingBody body = site.body();
            switch (body.kind()) {
                case METHOD -> {
                    MethodDeclaration method = (MethodDeclaration) body.node();
                    context.report(textFor(method), site.call().getName(), method.getNameAsString(),
                            Suggestions.coroutineOf(method.getType()), Suggestions.returnOf(method.getType()));
                }
                case CONSTRUCTOR, INITIALIZER, FIELD -> context.report(Texts.AWAIT_IN_INITIALIZER,
                        site.call().getName(), body.describe(), enclosingTypeName(body));
                default -> {
                    // Async bodies are fine here; lambdas have their own rule.
                }
            }
        }
    }

    private static Text textFor(MethodDeclaration method) {
        if (isMain(method)) {
            return Texts.AWAIT_IN_MAIN;
        }
        if (AsyncMarkers.isCoroutine(method.getType())) {
            return Texts.AWAIT_IN_COROUTINE_METHOD;
        }
        return Texts.AWAIT_IN_PLAIN_METHOD;
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
