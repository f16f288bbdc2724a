package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.jasyncio.transformer.internal.source.ImportScope;

import java.util.Optional;

/**
 * Recognizes the source spellings of {@code @Async}, {@code Coroutine<T>} and {@code Coroutine.of(...)}.
 */
final class AsyncMarkers {

    private AsyncMarkers() {
    }

    /** The jasyncio {@code @Async} on a declaration, simple or qualified. */
    static Optional<AnnotationExpr> asyncAnnotation(NodeWithAnnotations<?> declaration, ImportScope imports) {
        return declaration.getAnnotations().stream().filter(a -> isAsync(a, imports)).findFirst();
    }

    /** Whether a method is an async body: annotated with jasyncio's {@code @Async}. */
    static boolean isAsyncMethod(MethodDeclaration method, ImportScope imports) {
        return asyncAnnotation(method, imports).isPresent();
    }

    private static boolean isAsync(AnnotationExpr annotation, ImportScope imports) {
        String name = annotation.getNameAsString();
        return name.equals(JasyncioNames.ASYNC)
                || name.equals(JasyncioNames.ASYNC_SIMPLE)
                && imports.refersTo(JasyncioNames.ASYNC_SIMPLE, JasyncioNames.ASYNC);
    }

    /** Whether a type is spelled {@code Coroutine} or {@code dev.jasyncio.Coroutine}, with or without arguments. */
    /** Whether {@code type} is jasyncio's {@code AsyncGenerator}, the other type an async method may return. */
    static boolean isGenerator(Type type) {
        if (!type.isClassOrInterfaceType()) {
            return false;
        }
        String name = type.asClassOrInterfaceType().getNameWithScope();
        return name.equals("dev.jasyncio.AsyncGenerator") || name.equals("AsyncGenerator");
    }

    static boolean isCoroutine(Type type) {
        if (!type.isClassOrInterfaceType()) {
            return false;
        }
        ClassOrInterfaceType classType = type.asClassOrInterfaceType();
        String name = classType.getNameWithScope();
        return name.equals(JasyncioNames.COROUTINE) || name.equals(JasyncioNames.COROUTINE_SIMPLE);
    }

    /** Whether a call is {@code Coroutine.of(...)}, the way an async body returns its result. */
    static boolean isCoroutineOf(MethodCallExpr call) {
        return call.getNameAsString().equals("of")
                && call.getScope().map(Object::toString)
                        .filter(s -> s.equals(JasyncioNames.COROUTINE_SIMPLE) || s.equals(JasyncioNames.COROUTINE))
                        .isPresent();
    }
}
