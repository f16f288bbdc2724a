package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.type.Type;

import java.util.Set;

/**
 * Wording shared by the rules' "did you mean" hints, so that they suggest the same spellings everywhere.
 */
final class Suggestions {

    /** Result-carrying types someone might reach for instead of a coroutine. */
    private static final Set<String> FUTURES =
            Set.of("CompletableFuture", "CompletionStage", "Future", "Task", "ListenableFuture");

    private Suggestions() {
    }

    /**
     * The coroutine type a method returning {@code type} would have: {@code Coroutine<Void>} for void, boxed for
     * primitives, and the result type of a future ({@code CompletableFuture<String>} becomes
     * {@code Coroutine<String>}, since awaiting is what replaces the future). A coroutine type is already what
     * it should be, and is given back as written.
     */
    static String coroutineOf(Type type) {
        if (AsyncMarkers.isCoroutine(type)) {
            return type.asString();
        }
        String result;
        if (type.isVoidType()) {
            result = "Void";
        } else if (type.isPrimitiveType()) {
            result = type.asPrimitiveType().toBoxedType().asString();
        } else if (isFuture(type)) {
            result = type.asClassOrInterfaceType().getTypeArguments().get().get(0).asString();
        } else {
            result = type.asString();
        }
        return "Coroutine<" + result + ">";
    }

    private static boolean isFuture(Type type) {
        return type.isClassOrInterfaceType()
                && FUTURES.contains(type.asClassOrInterfaceType().getNameAsString())
                && type.asClassOrInterfaceType().getTypeArguments().map(a -> a.size() == 1).orElse(false);
    }

    /** How an async body with that result type returns: {@code Coroutine.of(null)} for void. */
    static String returnOf(Type type) {
        return type.isVoidType() ? "return Coroutine.of(null)" : "return Coroutine.of(value)";
    }
}
