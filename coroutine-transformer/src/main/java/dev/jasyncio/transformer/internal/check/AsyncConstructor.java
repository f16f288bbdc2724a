package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

/**
 * {@code @Async} on a constructor: a constructor must return the finished object and cannot hand back a
 * coroutine. javac already rejects the annotation there; this says what to write instead.
 */
public final class AsyncConstructor implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.ASYNC_CONSTRUCTOR;
    }

    @Override
    public void visit(CheckContext context) {
        for (CheckContext.AsyncDeclaration async : context.asyncDeclarations()) {
            if (async.declaration().isConstructorDeclaration() || async.declaration().isCompactConstructorDeclaration()) {
                String type = ((NodeWithSimpleName<?>) async.declaration()).getNameAsString();
                context.report(Texts.ASYNC_CONSTRUCTOR, async.annotation(), type);
            }
        }
    }
}
