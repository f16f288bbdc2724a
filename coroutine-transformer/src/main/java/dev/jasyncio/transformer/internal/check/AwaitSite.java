package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * A call of jasyncio's {@code await} and the body it runs in.
 *
 * @param call the {@code await(...)} or {@code Asyncio.await(...)} call
 * @param body the innermost body around it
 */
record AwaitSite(MethodCallExpr call, EnclosingBody body) {
}
