package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;

/**
 * {@code @Async} on a constructor: a constructor must return the finished object and cannot hand back a
 * coroutine. javac already rejects the annotation there; this says what to write instead.
 */
public final class AsyncConstructor implements SourceCheck {

    @Override
    public String id() {
        return "ASYNC_CONSTRUCTOR";
    }

    @Override
    public String summary() {
        return "@Async on a constructor";
    }

    @Override
    public void visit(CheckContext context) {
        for (CheckContext.AsyncDeclaration async : context.asyncDeclarations()) {
            if (async.declaration().isConstructorDeclaration() || async.declaration().isCompactConstructorDeclaration()) {
                String type = ((NodeWithSimpleName<?>) async.declaration()).getNameAsString();
                context.report(this, async.annotation(), "@Async on a constructor: constructors cannot suspend",
                        "did you mean a static factory? @Async static Coroutine<" + type + "> create(...) { ...; "
                                + "return Coroutine.of(new " + type + "(...)); }");
            }
        }
    }
}
