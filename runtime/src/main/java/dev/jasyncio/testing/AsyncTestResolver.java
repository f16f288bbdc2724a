package dev.jasyncio.testing;

import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns discovery selectors into test descriptors: a class with {@link AsyncTest} methods becomes a container of
 * one test per method. Unique ids follow Jupiter's shape ({@code [class:com.acme.FooTest]/[method:bar()]}), so
 * IDEs can re-run a single test.
 */
final class AsyncTestResolver implements SelectorResolver {

    private static final String CLASS = "class";
    private static final String METHOD = "method";

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> c = selector.getJavaClass();
        if (!AsyncTestEngine.isTestClass(c)) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(classDescriptor(parent, c)))
                .map(d -> Resolution.match(Match.exact(d, () -> methodSelectors(c))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> c = selector.getJavaClass();
        Method m = selector.getJavaMethod();
        if (!AsyncTestEngine.isAsyncTestMethod(m) || !AsyncTestEngine.isTestClass(c)) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectClass(c),
                        parent -> Optional.of(methodDescriptor(parent, c, m)))
                .map(d -> Resolution.match(Match.exact(d)))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        if (segments.size() < 2 || !segments.get(0).getValue().equals(AsyncTestEngine.ID)) {
            return Resolution.unresolved();
        }
        String className = segments.get(1).getValue();
        DiscoverySelector s = segments.size() == 2 ? DiscoverySelectors.selectClass(className)
                : DiscoverySelectors.selectMethod(className, segments.get(2).getValue().replace("()", ""));
        return Resolution.selectors(Set.of(s));
    }

    private static Set<DiscoverySelector> methodSelectors(Class<?> c) {
        Set<DiscoverySelector> out = new LinkedHashSet<>();
        ReflectionSupport.findMethods(c, AsyncTestEngine::isAsyncTestMethod, HierarchyTraversalMode.TOP_DOWN)
                .stream().sorted(Comparator.comparing(Method::getName))
                .forEach(m -> out.add(DiscoverySelectors.selectMethod(c, m)));
        return out;
    }

    private static TestDescriptor classDescriptor(TestDescriptor parent, Class<?> c) {
        UniqueId id = parent.getUniqueId().append(CLASS, c.getName());
        Optional<? extends TestDescriptor> known = parent.findByUniqueId(id);
        return known.isPresent() ? known.get() : new ClassDescriptor(id, c);
    }

    private static TestDescriptor methodDescriptor(TestDescriptor parent, Class<?> c, Method m) {
        UniqueId id = parent.getUniqueId().append(METHOD, m.getName() + "()");
        Optional<? extends TestDescriptor> known = parent.findByUniqueId(id);
        return known.isPresent() ? known.get() : new MethodDescriptor(id, c, m);
    }

    /** A test class. */
    static final class ClassDescriptor extends AbstractTestDescriptor {
        ClassDescriptor(UniqueId id, Class<?> c) {
            super(id, c.getSimpleName(), ClassSource.from(c));
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** An {@link AsyncTest} method. */
    static final class MethodDescriptor extends AbstractTestDescriptor {
        private final Class<?> testClass;
        private final Method method;

        MethodDescriptor(UniqueId id, Class<?> testClass, Method method) {
            super(id, method.getName() + "()", MethodSource.from(testClass, method));
            this.testClass = testClass;
            this.method = method;
        }

        Class<?> testClass() {
            return testClass;
        }

        Method method() {
            return method;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
