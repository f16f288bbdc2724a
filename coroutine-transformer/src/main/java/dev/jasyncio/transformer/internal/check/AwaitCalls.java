package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.jasyncio.transformer.internal.source.ImportScope;

/**
 * Tells jasyncio's static {@code Asyncio.await(x)} apart from every other method called {@code await}: the
 * runtime's own {@code Condition.await()}, {@code Event.await()} and {@code Barrier.await()},
 * {@code java.util.concurrent}'s, Awaitility's, or a method of the user's class.
 *
 * <p>A call counts when it is qualified by {@code Asyncio} (or {@code dev.jasyncio.Asyncio}), or unqualified
 * with one argument in a file that statically imports it and whose enclosing classes declare no {@code await}
 * of their own (a member method shadows a static import).
 */
final class AwaitCalls {

    private AwaitCalls() {
    }

    /** Whether {@code call} is jasyncio's {@code await}. */
    static boolean isJasyncioAwait(MethodCallExpr call, ImportScope imports) {
        if (!call.getNameAsString().equals(JasyncioNames.AWAIT) || call.getArguments().size() != 1) {
            return false;
        }
        return call.getScope()
                .map(scope -> isAsyncioType(scope, imports))
                .orElseGet(() -> unqualifiedMeansJasyncio(call, imports));
    }

    /** Whether {@code reference} is {@code Asyncio::await}. */
    static boolean isAwaitReference(MethodReferenceExpr reference, ImportScope imports) {
        return reference.getIdentifier().equals(JasyncioNames.AWAIT)
                && isAsyncioType(reference.getScope(), imports);
    }

    private static boolean isAsyncioType(Expression scope, ImportScope imports) {
        String name = scope.isTypeExpr() ? scope.asTypeExpr().getType().asString() : scope.toString();
        return name.equals(JasyncioNames.ASYNCIO)
                || name.equals(JasyncioNames.ASYNCIO_SIMPLE)
                && imports.refersTo(JasyncioNames.ASYNCIO_SIMPLE, JasyncioNames.ASYNCIO);
    }

    private static boolean unqualifiedMeansJasyncio(MethodCallExpr call, ImportScope imports) {
        if (enclosingTypeDeclaresAwait(call)) {
            // Inside Asyncio itself the member is the jasyncio await; anywhere else it is the user's own method.
            return imports.packageName().equals("dev.jasyncio") && outermostTypeName(call).equals("Asyncio");
        }
        String single = imports.staticSingleImport(JasyncioNames.AWAIT);
        if (single != null) {
            return single.equals(JasyncioNames.ASYNCIO + "." + JasyncioNames.AWAIT);
        }
        return imports.importsStaticMembersOf(JasyncioNames.ASYNCIO);
    }

    private static boolean enclosingTypeDeclaresAwait(Node node) {
        Node child = node;
        for (Node n = node.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration && declaresAwait(((TypeDeclaration<?>) n).getMembers())) {
                return true;
            }
            if (n instanceof ObjectCreationExpr && child instanceof BodyDeclaration
                    && ((ObjectCreationExpr) n).getAnonymousClassBody().map(AwaitCalls::declaresAwait).orElse(false)) {
                return true;
            }
            if (n instanceof EnumConstantDeclaration && child instanceof BodyDeclaration
                    && declaresAwait(((EnumConstantDeclaration) n).getClassBody())) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresAwait(Iterable<? extends Node> members) {
        for (Node member : members) {
            if (member instanceof MethodDeclaration
                    && ((MethodDeclaration) member).getNameAsString().equals(JasyncioNames.AWAIT)) {
                return true;
            }
        }
        return false;
    }

    private static String outermostTypeName(Node node) {
        String name = "";
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration) {
                name = ((TypeDeclaration<?>) n).getNameAsString();
            }
        }
        return name;
    }
}
