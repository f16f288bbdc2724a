package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code await} while holding a monitor: in a {@code synchronized} block of an async body, or anywhere in a
 * {@code synchronized @Async} method; and any {@code synchronized @Async} method, awaiting or not. A suspended coroutine gives its thread back to the event loop, and a
 * monitor belongs to a thread, not to a coroutine: it could not be released by the right owner.
 */
public final class AwaitInSynchronized implements SourceCheck {

    @Override
    public Rule rule() {
        return Rule.AWAIT_IN_SYNCHRONIZED;
    }

    @Override
    public void visit(CheckContext context) {
        Set<Node> awaiting = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AwaitSite site : context.awaitSites()) {
            EnclosingBody body = site.body();
            if (!body.kind().isAsync()) {
                continue;
            }
            if (body.inSynchronizedBlock()) {
                context.report(Texts.AWAIT_IN_SYNCHRONIZED_BLOCK, site.call().getName());
            } else if (body.isSynchronizedMethod()) {
                String name = ((MethodDeclaration) body.node()).getNameAsString();
                context.report(Texts.AWAIT_IN_SYNCHRONIZED_METHOD, site.call().getName(), name);
                awaiting.add(body.node());
            }
        }
        // A synchronized async method that never awaits is refused too: calling it only creates the coroutine, so the
        // monitor would cover that call and not the body, which runs later without it.
        for (CheckContext.AsyncMethod async : context.asyncMethods()) {
            MethodDeclaration method = async.method();
            if (method.isSynchronized() && !awaiting.contains(method)) {
                String name = method.getNameAsString();
                Node at = method.getModifiers().stream()
                        .filter(m -> m.getKeyword() == Modifier.Keyword.SYNCHRONIZED)
                        .findFirst().map(Node.class::cast).orElse(async.annotation());
                context.report(Texts.SYNCHRONIZED_ASYNC_METHOD, at, name);
            }
        }
    }
}
