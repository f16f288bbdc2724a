package dev.jasyncio.testing;

import dev.jasyncio.Coroutine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.opentest4j.TestAbortedException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JUnit Platform engine ({@code jasyncio}) that runs {@link AsyncTest} methods. Registered through
 * {@code META-INF/services}, so Maven Surefire and IDEs find it next to JUnit Jupiter without configuration.
 */
public final class AsyncTestEngine implements TestEngine {

    /** The engine's id, the first segment of its tests' unique ids. */
    public static final String ID = "jasyncio";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(AsyncTestEngine::isScannedTestClass)
                    .addSelectorResolver(new AsyncTestResolver())
                    .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "jasyncio @AsyncTest");
        RESOLVER.resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        for (TestDescriptor container : engine.getChildren()) {
            listener.executionStarted(container);
            for (TestDescriptor test : container.getChildren()) {
                execute((AsyncTestResolver.MethodDescriptor) test, listener);
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void execute(AsyncTestResolver.MethodDescriptor test, EngineExecutionListener listener) {
        Method method = test.method();
        Class<?> testClass = test.testClass();
        Optional<Disabled> disabled = AnnotationSupport.findAnnotation(method, Disabled.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Disabled.class));
        if (disabled.isPresent()) {
            String reason = disabled.get().value();
            listener.executionSkipped(test, reason.isEmpty() ? "@Disabled" : reason);
            return;
        }
        listener.executionStarted(test);
        TestExecutionResult result;
        try {
            run(testClass, method);
            result = TestExecutionResult.successful();
        } catch (TestAbortedException aborted) {
            result = TestExecutionResult.aborted(aborted);
        } catch (Throwable t) {
            result = TestExecutionResult.failed(t);
        }
        listener.executionFinished(test, result);
    }

    private static void run(Class<?> testClass, Method method) throws Throwable {
        if (method.getParameterCount() != 0 || !Coroutine.class.isAssignableFrom(method.getReturnType())) {
            throw new IllegalStateException("@AsyncTest method " + method.getName()
                    + " must take no parameters and return Coroutine");
        }
        Object instance = ReflectionSupport.newInstance(testClass);
        List<TestRun.Phase> before = lifecycle(testClass, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN, instance);
        List<TestRun.Phase> after = lifecycle(testClass, AfterEach.class, HierarchyTraversalMode.BOTTOM_UP, instance);
        String name = testClass.getSimpleName() + "." + method.getName();
        TestRun.Settings settings = TestRun.Settings.of(method.getAnnotation(AsyncTest.class));
        new TestRun(name, settings).run(before, () -> ReflectionSupport.invokeMethod(method, instance), after);
    }

    /** Jupiter's lifecycle methods of {@code testClass}, as phases; they may return a Coroutine too. */
    private static List<TestRun.Phase> lifecycle(Class<?> testClass, Class<? extends Annotation> annotation,
                                                 HierarchyTraversalMode order, Object instance) {
        List<TestRun.Phase> phases = new ArrayList<>();
        for (Method m : AnnotationSupport.findAnnotatedMethods(testClass, annotation, order)) {
            if (m.getParameterCount() != 0) {
                phases.add(() -> {
                    throw new IllegalStateException("@" + annotation.getSimpleName() + " method " + m.getName()
                            + " takes parameters: not supported around @AsyncTest methods");
                });
            } else {
                phases.add(() -> ReflectionSupport.invokeMethod(m, instance));
            }
        }
        return phases;
    }

    static boolean isAsyncTestMethod(Method m) {
        return AnnotationSupport.isAnnotated(m, AsyncTest.class) && !ModifierSupport.isStatic(m)
                && !ModifierSupport.isPrivate(m);
    }

    /** A class found by a classpath or package scan: top-level ones only, as build tools select them. */
    private static boolean isScannedTestClass(Class<?> c) {
        return c.getEnclosingClass() == null && isTestClass(c);
    }

    static boolean isTestClass(Class<?> c) {
        if (Modifier.isAbstract(c.getModifiers()) || c.isInterface() || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        try {
            return !ReflectionSupport.findMethods(c, AsyncTestEngine::isAsyncTestMethod,
                    HierarchyTraversalMode.TOP_DOWN).isEmpty();
        } catch (LinkageError broken) {
            return false; // a class that cannot be linked is not ours to report
        }
    }
}
