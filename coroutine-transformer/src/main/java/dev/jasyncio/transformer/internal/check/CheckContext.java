package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.internal.rules.Text;
import dev.jasyncio.transformer.internal.source.ParsedSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the rules share about one file: the await sites with their enclosing bodies, the {@code @Async}
 * declarations, the {@code Asyncio::await} references, and the sink for findings. Each is worked out once, on
 * first use.
 */
public final class CheckContext {

    /** An {@code @Async} annotation and the method or constructor it is on. */
    record AsyncDeclaration(AnnotationExpr annotation, BodyDeclaration<?> declaration) {
    }

    /** An {@code @Async} method (not a constructor) and its annotation. */
    record AsyncMethod(AnnotationExpr annotation, MethodDeclaration method) {
    }

    private final ParsedSource source;
    private final AsyncLambdas lambdas;
    private final Consumer<Diagnostic> sink;
    private List<AwaitSite> awaitSites;
    private List<AsyncDeclaration> asyncDeclarations;

    CheckContext(ParsedSource source, AsyncTypeIndex index, Consumer<Diagnostic> sink) {
        this.source = source;
        this.lambdas = new AsyncLambdas(index);
        this.sink = sink;
    }

    /** Every call of jasyncio's {@code await} in the file, in source order. */
    List<AwaitSite> awaitSites() {
        if (awaitSites == null) {
            awaitSites = new ArrayList<>();
            for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
                if (AwaitCalls.isJasyncioAwait(call, source.imports())) {
                    awaitSites.add(new AwaitSite(call, EnclosingBody.of(call, source.imports(), lambdas)));
                }
            }
        }
        return awaitSites;
    }

    /** Every method or constructor carrying jasyncio's {@code @Async}. */
    @SuppressWarnings("rawtypes") // JavaParser's BodyDeclaration is generic in its own subtype
    List<AsyncDeclaration> asyncDeclarations() {
        if (asyncDeclarations == null) {
            asyncDeclarations = new ArrayList<>();
            for (BodyDeclaration member : source.unit().findAll(BodyDeclaration.class, CheckContext::isCallable)) {
                Optional<AnnotationExpr> annotation = AsyncMarkers.asyncAnnotation(member, source.imports());
                annotation.ifPresent(a -> asyncDeclarations.add(new AsyncDeclaration(a, member)));
            }
        }
        return asyncDeclarations;
    }

    /** The {@link #asyncDeclarations()} that are methods. */
    List<AsyncMethod> asyncMethods() {
        List<AsyncMethod> methods = new ArrayList<>();
        for (AsyncDeclaration async : asyncDeclarations()) {
            if (async.declaration() instanceof MethodDeclaration method) {
                methods.add(new AsyncMethod(async.annotation(), method));
            }
        }
        return methods;
    }

    private static boolean isCallable(BodyDeclaration<?> member) {
        return member.isCallableDeclaration() || member.isCompactConstructorDeclaration();
    }

    /** Every {@code return null;} in the file, with the innermost body it returns from. */
    List<ReturnSite> nullReturns() {
        List<ReturnSite> found = new ArrayList<>();
        for (ReturnStmt ret : source.unit().findAll(ReturnStmt.class,
                r -> r.getExpression().filter(Expression::isNullLiteralExpr).isPresent())) {
            found.add(new ReturnSite(ret, EnclosingBody.of(ret, source.imports(), lambdas)));
        }
        return found;
    }

    /** A {@code return} statement and the body it returns from. */
    record ReturnSite(ReturnStmt statement, EnclosingBody body) {
    }

    /** Every {@code Asyncio::await} method reference. */
    List<MethodReferenceExpr> awaitReferences() {
        return source.unit().findAll(MethodReferenceExpr.class, r -> AwaitCalls.isAwaitReference(r, source.imports()));
    }

    /** The file's syntax tree. */
    com.github.javaparser.ast.CompilationUnit unit() {
        return source.unit();
    }

    /** The body {@code node} runs in. */
    EnclosingBody bodyOf(Node node) {
        return EnclosingBody.of(node, source.imports(), lambdas);
    }

    /** Reports {@code text}, filled with {@code args}, at the start of {@code at}. */
    void report(Text text, Node at, Object... args) {
        sink.accept(text.at(source.path(), source.line(at), source.column(at), args));
    }
}
