package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.rules.Texts;

import java.util.Optional;
import java.util.Set;

/**
 * try-with-resources over one of the runtime's {@code AsyncCloseable}s outside an async body: there the block is
 * {@code async with}, awaiting {@code aenter()} and {@code aexit(...)}; elsewhere nothing can be awaited. The
 * sources know the runtime's resource types by name (a declared type, {@code taskGroup()}, {@code timeout(d)},
 * {@code timeoutAt(t)}); the bytecode pass sees every {@code AsyncCloseable}.
 */
public final class AsyncWithOutsideAsync implements SourceCheck {

    private static final Set<String> TYPES = Set.of("AsyncCloseable", "TaskGroup", "Timeout", "Lock", "Semaphore",
            "BoundedSemaphore", "Condition");
    private static final Set<String> FACTORIES = Set.of("taskGroup", "timeout", "timeoutAt");

    @Override
    public Rule rule() {
        return Rule.ASYNC_WITH_OUTSIDE_ASYNC;
    }

    @Override
    public void visit(CheckContext context) {
        for (TryStmt t : context.unit().findAll(TryStmt.class)) {
            for (Expression resource : t.getResources()) {
                if (!isAsyncResource(resource)) {
                    continue;
                }
                EnclosingBody body = context.bodyOf(t);
                if (!body.kind().isAsync()) {
                    context.report(Texts.ASYNC_WITH_OUTSIDE_ASYNC, resource, body.describe());
                }
            }
        }
    }

    private static boolean isAsyncResource(Expression resource) {
        if (resource instanceof VariableDeclarationExpr) {
            for (VariableDeclarator v : ((VariableDeclarationExpr) resource).getVariables()) {
                if (isAsyncType(v.getType()) || v.getInitializer().map(AsyncWithOutsideAsync::isFactoryCall)
                        .orElse(false)) {
                    return true;
                }
            }
            return false;
        }
        if (resource instanceof NameExpr) {
            return declaredType(resource, ((NameExpr) resource).getNameAsString())
                    .map(AsyncWithOutsideAsync::isAsyncType).orElse(false);
        }
        return false;
    }

    private static boolean isFactoryCall(Expression e) {
        if (!(e instanceof MethodCallExpr)) {
            return false;
        }
        MethodCallExpr call = (MethodCallExpr) e;
        String name = call.getNameAsString();
        int args = call.getArguments().size();
        return FACTORIES.contains(name) && (name.equals("taskGroup") ? args == 0 : args == 1);
    }

    private static boolean isAsyncType(Type type) {
        String name = type.asString();
        int generic = name.indexOf('<');
        if (generic >= 0) {
            name = name.substring(0, generic);
        }
        return TYPES.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The declared type of {@code name} where {@code at} uses it: a local, a parameter or a field, nearest first. */
    private static Optional<Type> declaredType(Node at, String name) {
        for (Node n = at.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration) {
                for (Parameter p : ((CallableDeclaration<?>) n).getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return Optional.of(p.getType());
                    }
                }
                for (VariableDeclarator v : n.findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(name) && !(v.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                        return Optional.of(v.getType());
                    }
                }
            }
            if (n instanceof TypeDeclaration) {
                for (FieldDeclaration f : ((TypeDeclaration<?>) n).getFields()) {
                    for (VariableDeclarator v : f.getVariables()) {
                        if (v.getNameAsString().equals(name)) {
                            return Optional.of(v.getType());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
