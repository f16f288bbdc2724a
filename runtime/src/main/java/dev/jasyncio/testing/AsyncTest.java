package dev.jasyncio.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method returning {@code Coroutine} (an {@code @Async} method, usually): it runs as the main task of a
 * fresh event loop, on virtual time by default, so {@code await(sleep(3600))} completes at once while
 * {@code loop.time()} advances by an hour. The
 * test fails if it throws, takes longer than {@link #timeout()} seconds of real time, leaves tasks running, or
 * leaves a task's exception unretrieved (or anything else reaches the loop's exception handler).
 *
 * <pre>{@code
 * class CacheTest {
 *     @AsyncTest
 *     @Async
 *     Coroutine<Void> entriesExpire() {
 *         cache.put("k", "v", 60);
 *         await(sleep(61));                  // instant: virtual time
 *         assertNull(cache.get("k"));
 *         return Coroutine.of(null);
 *     }
 * }
 * }</pre>
 *
 * <p>Run by {@link AsyncTestEngine}, a JUnit Platform engine registered by this jar (JUnit Jupiter only runs test
 * methods returning void). A new instance per test; Jupiter's {@code @BeforeEach} / {@code @AfterEach} methods run
 * around it on the same loop (they may return a {@code Coroutine} too) and {@code @Disabled} skips it. For Jupiter
 * features (parameterized tests, extensions), write a plain {@code @Test} calling {@link AsyncTesting#runTest}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AsyncTest {

    /** Real seconds the test may take, before- and after-each methods included. */
    double timeout() default 60;

    /**
     * Whether the loop runs on virtual time ({@code EventLoop.withVirtualTime()}). Turn it off for tests waiting
     * for real I/O or threads under a timeout: on virtual time, a pending timer fires before their results arrive.
     */
    boolean virtualTime() default true;

    /** asyncio's debug mode on the test's loop: slow steps logged, wrong-thread calls refused, creation sites kept. */
    boolean debug() default true;
}
