package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the module's own sources say about async lambda targets, by simple name: which interfaces are async
 * functional interfaces (their abstract method returns {@code Coroutine}) and which methods take one, at which
 * argument position. It stands in for type resolution, which the checks do without.
 *
 * <p>A type is async when its simple name starts with {@code Async} (the runtime's {@code AsyncFunction},
 * {@code AsyncSupplier}, {@code AsyncRunnable}), when the module declares it as above, or when it is a JDK
 * function type whose result type argument is {@code Coroutine} ({@code Supplier<Coroutine<T>>}).
 */
public final class AsyncTypeIndex {

    /** JDK functional interfaces whose last type argument is the result of their method. */
    private static final Set<String> RESULT_LAST = Set.of("Supplier", "Callable", "Function", "BiFunction",
            "IntFunction", "LongFunction", "DoubleFunction", "UnaryOperator", "BinaryOperator");

    private final Set<String> asyncInterfaces = new HashSet<>();
    private final Map<String, Set<Integer>> asyncParameters = new HashMap<>();

    private AsyncTypeIndex() {
    }

    /** Indexes the given files; interfaces first, since a parameter is async if its interface is. */
    public static AsyncTypeIndex of(List<CompilationUnit> units) {
        AsyncTypeIndex index = new AsyncTypeIndex();
        for (CompilationUnit unit : units) {
            unit.findAll(ClassOrInterfaceDeclaration.class, ClassOrInterfaceDeclaration::isInterface)
                    .stream().filter(AsyncTypeIndex::isAsyncFunctionalInterface)
                    .forEach(i -> index.asyncInterfaces.add(i.getNameAsString()));
        }
        for (CompilationUnit unit : units) {
            unit.findAll(CallableDeclaration.class).forEach(index::addParameters);
        }
        return index;
    }

    /** Whether a declared type is an async functional interface. */
    boolean isAsyncType(Type type) {
        if (!type.isClassOrInterfaceType()) {
            return false;
        }
        ClassOrInterfaceType classType = type.asClassOrInterfaceType();
        String name = classType.getNameAsString();
        if (name.startsWith(JasyncioNames.ASYNC_TYPE_PREFIX) || asyncInterfaces.contains(name)) {
            return true;
        }
        Optional<NodeList<Type>> arguments = classType.getTypeArguments();
        return RESULT_LAST.contains(name) && arguments.isPresent() && !arguments.get().isEmpty()
                && AsyncMarkers.isCoroutine(arguments.get().getLast().get());
    }

    /**
     * Whether some method or constructor of the module named {@code name}, with {@code arity} parameters, takes an
     * async type at {@code position}. The arity keeps an unrelated {@code submit(Job)} of the module from making
     * every {@code executor.submit(() -> ...)} async.
     */
    boolean takesAsyncAt(String name, int arity, int position) {
        return asyncParameters.getOrDefault(key(name, arity), Set.of()).contains(position);
    }

    private static String key(String name, int arity) {
        return name + "/" + arity;
    }

    private void addParameters(CallableDeclaration<?> callable) {
        NodeList<Parameter> parameters = callable.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (isAsyncType(parameters.get(i).getType())) {
                asyncParameters.computeIfAbsent(key(callable.getNameAsString(), parameters.size()),
                        k -> new HashSet<>()).add(i);
            }
        }
    }

    private static boolean isAsyncFunctionalInterface(ClassOrInterfaceDeclaration declaration) {
        List<MethodDeclaration> abstractMethods = declaration.getMethods().stream()
                .filter(m -> m.getBody().isEmpty() && !m.isStatic() && !m.isDefault())
                .toList();
        return abstractMethods.size() == 1 && AsyncMarkers.isCoroutine(abstractMethods.get(0).getType());
    }
}
