package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import dev.jasyncio.transformer.internal.source.ImportScope;

/**
 * The innermost body an expression runs in (the code whose frame it executes in) and whether it runs holding a
 * monitor there. An {@code await} can only suspend its innermost body: an enclosing async method does not help
 * a lambda inside it, which runs later on another frame.
 *
 * @param kind what sort of body it is
 * @param node the method, constructor, initializer, field, or lambda
 * @param inSynchronizedBlock whether the expression is inside a {@code synchronized} block of that body
 */
record EnclosingBody(Kind kind, Node node, boolean inSynchronizedBlock) {

    /** The sorts of body, by what they mean for an {@code await}. */
    enum Kind {
        /** A method annotated with jasyncio's {@code @Async}. */
        ASYNC_METHOD(true),
        /** A lambda whose functional interface returns {@code Coroutine}. */
        ASYNC_LAMBDA(true),
        /** Any other method, including the methods of anonymous classes. */
        METHOD(false),
        /** Any other lambda. */
        LAMBDA(false),
        /** A constructor, including a record's compact one. */
        CONSTRUCTOR(false),
        /** A static or instance initializer block. */
        INITIALIZER(false),
        /** The initializer of a field, or the arguments of an enum constant. */
        FIELD(false);

        private final boolean async;

        Kind(boolean async) {
            this.async = async;
        }

        boolean isAsync() {
            return async;
        }
    }

    /** Finds the body {@code expression} runs in. */
    static EnclosingBody of(Node expression, ImportScope imports, AsyncLambdas lambdas) {
        boolean synchronizedBlock = false;
        Node child = expression;
        for (Node n = expression.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            // The lock expression is evaluated before the monitor is taken: only the block holds it.
            if (n instanceof SynchronizedStmt && ((SynchronizedStmt) n).getBody() == child) {
                synchronizedBlock = true;
            }
            Kind kind = kindOf(n, imports, lambdas);
            if (kind != null) {
                return new EnclosingBody(kind, n, synchronizedBlock);
            }
        }
        return new EnclosingBody(Kind.FIELD, expression, synchronizedBlock);
    }

    private static Kind kindOf(Node n, ImportScope imports, AsyncLambdas lambdas) {
        if (n instanceof LambdaExpr) {
            return lambdas.isAsync((LambdaExpr) n) ? Kind.ASYNC_LAMBDA : Kind.LAMBDA;
        }
        if (n instanceof MethodDeclaration) {
            return AsyncMarkers.isAsyncMethod((MethodDeclaration) n, imports) ? Kind.ASYNC_METHOD : Kind.METHOD;
        }
        if (n instanceof ConstructorDeclaration || n instanceof CompactConstructorDeclaration) {
            return Kind.CONSTRUCTOR;
        }
        if (n instanceof InitializerDeclaration) {
            return Kind.INITIALIZER;
        }
        if (n instanceof FieldDeclaration || n instanceof EnumConstantDeclaration) {
            return Kind.FIELD;
        }
        return null;
    }

    /** Whether the body is a {@code synchronized} method, which holds the monitor throughout. */
    boolean isSynchronizedMethod() {
        return node instanceof MethodDeclaration && ((MethodDeclaration) node).isSynchronized();
    }

    /** The body's name for messages: the method's name, or a description of the unnamed body. */
    String describe() {
        if (node instanceof MethodDeclaration) {
            return "method " + ((MethodDeclaration) node).getNameAsString();
        }
        return switch (kind) {
            case CONSTRUCTOR -> "a constructor";
            case INITIALIZER -> ((InitializerDeclaration) node).isStatic()
                    ? "a static initializer" : "an instance initializer";
            case FIELD -> node instanceof EnumConstantDeclaration ? "an enum constant's arguments" : "a field initializer";
            default -> "a lambda";
        };
    }
}
