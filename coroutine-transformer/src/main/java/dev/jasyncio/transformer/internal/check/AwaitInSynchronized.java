package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;

/**
 * {@code await} while holding a monitor: in a {@code synchronized} block of an async body, or anywhere in a
 * {@code synchronized @Async} method. A suspended coroutine gives its thread back to the event loop, and a
 * monitor belongs to a thread, not to a coroutine: it could not be released by the right owner.
 */
public final class AwaitInSynchronized implements SourceCheck {

    private static final String WHY = "a coroutine cannot hold a monitor across a suspension; use "
            + JasyncioNames.LOCK;

    private static final String LOCK_PATTERN =
            "await(lock.acquire()); try { ... } finally { lock.release(); }";

    @Override
    public String id() {
        return "AWAIT_IN_SYNCHRONIZED";
    }

    @Override
    public String summary() {
        return "await while holding a monitor (synchronized block or method)";
    }

    @Override
    public void visit(CheckContext context) {
        for (AwaitSite site : context.awaitSites()) {
            EnclosingBody body = site.body();
            if (!body.kind().isAsync()) {
                continue;
            }
            if (body.inSynchronizedBlock()) {
                context.report(this, site.call().getName(), "await inside a synchronized block: " + WHY,
                        "did you mean " + LOCK_PATTERN + " with a " + JasyncioNames.LOCK + "?");
            } else if (body.isSynchronizedMethod()) {
                String name = ((MethodDeclaration) body.node()).getNameAsString();
                context.report(this, site.call().getName(), "await in synchronized method " + name + ": " + WHY,
                        "remove synchronized from " + name + " and guard the shared state with a "
                                + JasyncioNames.LOCK + ": " + LOCK_PATTERN);
            }
        }
    }
}
