package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;

import java.util.Optional;

/**
 * Decides whether a lambda is an async body, that is whether its functional interface returns
 * {@code Coroutine}, without resolving types.
 *
 * <p>A lambda is async when any of these holds: it is an argument of {@code taskGroup}, {@code timeout} or
 * {@code timeoutAt}, or of a module method whose parameter there is async ({@link AsyncTypeIndex}); its target
 * is spelled out as an async type (declaration, assignment, cast, or the return type of the method it is
 * returned from); or it returns {@code Coroutine.of(...)}, which only a lambda producing a coroutine can.
 */
final class AsyncLambdas {

    private final AsyncTypeIndex index;

    AsyncLambdas(AsyncTypeIndex index) {
        this.index = index;
    }

    boolean isAsync(LambdaExpr lambda) {
        return returnsCoroutineOf(lambda) || targetIsAsync(lambda);
    }

    /** The call the lambda is passed to, if it is a direct argument of one (seen through parentheses). */
    static Optional<MethodCallExpr> calledWith(LambdaExpr lambda) {
        Node child = targetChild(lambda);
        Node parent = child.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr && indexOf(((MethodCallExpr) parent).getArguments(), child) >= 0) {
            return Optional.of((MethodCallExpr) parent);
        }
        return Optional.empty();
    }

    private boolean targetIsAsync(LambdaExpr lambda) {
        Node child = targetChild(lambda);
        Node parent = child.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr) {
            MethodCallExpr call = (MethodCallExpr) parent;
            int position = indexOf(call.getArguments(), child);
            return position >= 0 && (JasyncioNames.ASYNC_LAMBDA_CALLS.contains(call.getNameAsString())
                    || index.takesAsyncAt(call.getNameAsString(), call.getArguments().size(), position));
        }
        if (parent instanceof ObjectCreationExpr) {
            ObjectCreationExpr creation = (ObjectCreationExpr) parent;
            int position = indexOf(creation.getArguments(), child);
            return position >= 0 && index.takesAsyncAt(creation.getType().getNameAsString(),
                    creation.getArguments().size(), position);
        }
        if (parent instanceof CastExpr) {
            return index.isAsyncType(((CastExpr) parent).getType());
        }
        if (parent instanceof VariableDeclarator) {
            return index.isAsyncType(((VariableDeclarator) parent).getType());
        }
        if (parent instanceof AssignExpr && ((AssignExpr) parent).getValue() == child) {
            return declaredType(((AssignExpr) parent).getTarget()).map(index::isAsyncType).orElse(false);
        }
        if (parent instanceof ReturnStmt) {
            return enclosingReturnType(parent).map(index::isAsyncType).orElse(false);
        }
        return false;
    }

    /** The node standing for the lambda in its context: parentheses and conditional branches pass the target on. */
    private static Node targetChild(LambdaExpr lambda) {
        Node child = lambda;
        Node parent = child.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr
                || parent instanceof ConditionalExpr && ((ConditionalExpr) parent).getCondition() != child) {
            child = parent;
            parent = child.getParentNode().orElse(null);
        }
        return child;
    }

    /** By identity: JavaParser's {@code equals} is structural, and two arguments may be equal lambdas. */
    private static int indexOf(Iterable<Expression> arguments, Node child) {
        int i = 0;
        for (Expression argument : arguments) {
            if (argument == child) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The declared type of an assigned variable or field, found by name in the enclosing declarations. */
    private static Optional<Type> declaredType(Expression target) {
        String name;
        if (target.isNameExpr()) {
            name = target.asNameExpr().getNameAsString();
        } else if (target.isFieldAccessExpr() && target.asFieldAccessExpr().getScope().isThisExpr()) {
            name = target.asFieldAccessExpr().getNameAsString();
        } else {
            return Optional.empty();
        }
        for (Node n = target.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration) {
                for (Parameter parameter : ((CallableDeclaration<?>) n).getParameters()) {
                    if (parameter.getNameAsString().equals(name)) {
                        return Optional.of(parameter.getType());
                    }
                }
            }
            if (n instanceof BodyDeclaration || n instanceof TypeDeclaration || n instanceof LambdaExpr) {
                Optional<VariableDeclarator> variable = n.findFirst(VariableDeclarator.class,
                        v -> v.getNameAsString().equals(name));
                if (variable.isPresent()) {
                    return Optional.of(variable.get().getType());
                }
            }
        }
        return Optional.empty();
    }

    /** The return type of the method a {@code return} belongs to; none when it returns from a lambda. */
    private static Optional<Type> enclosingReturnType(Node returnStatement) {
        for (Node n = returnStatement.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr || n instanceof BodyDeclaration && !(n instanceof MethodDeclaration)) {
                return Optional.empty();
            }
            if (n instanceof MethodDeclaration) {
                return Optional.of(((MethodDeclaration) n).getType());
            }
        }
        return Optional.empty();
    }

    /** Whether the lambda's own body returns {@code Coroutine.of(...)}; returns of nested lambdas and classes do not count. */
    private static boolean returnsCoroutineOf(LambdaExpr lambda) {
        Optional<Expression> expressionBody = lambda.getExpressionBody();
        if (expressionBody.isPresent()) {
            return isCoroutineOf(expressionBody.get());
        }
        return lambda.getBody().findFirst(ReturnStmt.class, r -> ownReturn(r, lambda)
                && r.getExpression().map(AsyncLambdas::isCoroutineOf).orElse(false)).isPresent();
    }

    private static boolean ownReturn(ReturnStmt statement, LambdaExpr lambda) {
        for (Node n = statement.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n == lambda) {
                return true;
            }
            if (n instanceof LambdaExpr || n instanceof BodyDeclaration) {
                return false;
            }
        }
        return false;
    }

    private static boolean isCoroutineOf(Expression expression) {
        return expression.isMethodCallExpr() && AsyncMarkers.isCoroutineOf(expression.asMethodCallExpr());
    }
}
