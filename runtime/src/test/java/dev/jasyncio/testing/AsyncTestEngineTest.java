package dev.jasyncio.testing;

import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.testing.PyErrors.ValueError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.waitFor;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AsyncTestEngine} and {@link AsyncTesting}: fixture classes (nested, so no build tool runs them on their
 * own) are run through the JUnit Platform launcher and their results inspected.
 */
class AsyncTestEngineTest {

    static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    /** Tests that pass. */
    public static class Passing {
        @BeforeEach
        void before() {
            LOG.add("before");
        }

        @AfterEach
        Coroutine<Object> after() {
            return coro("after", v -> awaiting(sleep(1)), v -> {
                LOG.add("after at " + getRunningLoop().time());
                return null;
            });
        }

        @AsyncTest(timeout = 1)
        Coroutine<Object> anHourOfLoopTimeTakesNoTime() {
            long start = System.nanoTime();
            return coro("hour", v -> awaiting(sleep(3600)), v -> {
                assertEquals(3600.0, getRunningLoop().time());
                assertTrue(System.nanoTime() - start < 1_000_000_000L);
                LOG.add("slept an hour");
                return null;
            });
        }

        @AsyncTest
        Coroutine<Object> timersFireInOrderAndWaitForTimesOutWithoutWaiting() {
            List<String> fired = new ArrayList<>();
            return coro("timers", v -> {
                getRunningLoop().callLater(3, () -> fired.add("3"));
                getRunningLoop().callLater(1, () -> fired.add("1"));
                getRunningLoop().callLater(2, () -> fired.add("2"));
                return awaiting(waitFor(sleep(10), 5));
            }, catching((v, e) -> {
                assertInstanceOf(TimeoutError.class, e);
                assertEquals(5.0, getRunningLoop().time());
                assertEquals(List.of("1", "2", "3"), fired);
                return null;
            }));
        }
    }

    /** Tests that must fail, each for its own reason. */
    public static class Failing {
        @AsyncTest
        Coroutine<Object> throwsFromTheBody() {
            return coro("body", v -> awaiting(sleep(1)), v -> {
                throw new ValueError("from the body");
            });
        }

        @AsyncTest
        Coroutine<Object> leavesATaskRunning() {
            return coro("leaver", v -> {
                createTask(coro("orphan", w -> awaiting(sleep(100)), w -> null), "orphan");
                return null;
            });
        }

        @AsyncTest
        Coroutine<Object> leavesAFailureUnretrieved() {
            return coro("dropper", v -> {
                createTask(coro("boom", w -> {
                    throw new ValueError("nobody looked");
                }), "boom");
                return awaiting(sleep(1));
            }, v -> null);
        }

        @AsyncTest(timeout = 0.3, virtualTime = false)
        Coroutine<Object> waitsForever() {
            return coro("stuck", v -> {
                Future<Object> never = getRunningLoop().createFuture();
                return awaiting(never);
            }, v -> null);
        }

        @AsyncTest
        void isNotACoroutine() {
        }

        @AsyncTest
        @Disabled("not today")
        Coroutine<Object> disabled() {
            throw new AssertionError("must not run");
        }
    }

    private static Map<String, TestExecutionResult> run(Class<?> fixture, List<String> skipped) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(fixture))
                .filters(EngineFilter.includeEngines(AsyncTestEngine.ID)).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            results.put(id.getDisplayName(), result);
                        }
                    }

                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        skipped.add(id.getDisplayName() + ": " + reason);
                    }
                });
        return results;
    }

    private static String failure(Map<String, TestExecutionResult> results, String test) {
        TestExecutionResult r = results.get(test);
        assertEquals(TestExecutionResult.Status.FAILED, r.getStatus(), test);
        return r.getThrowable().orElseThrow().toString();
    }

    @Test
    void coroutineTestsRunOnVirtualTimeWithTheirLifecycleMethods() {
        LOG.clear();
        Map<String, TestExecutionResult> results = run(Passing.class, new ArrayList<>());
        assertEquals(List.of("anHourOfLoopTimeTakesNoTime()", "timersFireInOrderAndWaitForTimesOutWithoutWaiting()"),
                List.copyOf(results.keySet()));
        results.forEach((name, r) -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, r.getStatus(),
                name + ": " + r.getThrowable()));
        assertEquals(List.of("before", "slept an hour", "after at 3601.0", "before", "after at 6.0"), LOG);
    }

    @Test
    void testsFailForTheirFailuresLeftoversUnretrievedErrorsAndTimeouts() {
        List<String> skipped = new ArrayList<>();
        Map<String, TestExecutionResult> results = run(Failing.class, skipped);
        assertEquals(List.of("disabled(): not today"), skipped);
        assertEquals("dev.jasyncio.testing.PyErrors$ValueError: from the body",
                failure(results, "throwsFromTheBody()"));
        String leftover = failure(results, "leavesATaskRunning()");
        assertTrue(leftover.contains("Failing.leavesATaskRunning left 1 task(s) running"), leftover);
        assertTrue(leftover.contains("(T) orphan [waiting] created at AsyncTestEngineTest.java:"), leftover);
        String unretrieved = failure(results, "leavesAFailureUnretrieved()");
        assertTrue(unretrieved.contains("Task exception was never retrieved"), unretrieved);
        assertTrue(unretrieved.contains("name='boom'"), unretrieved);
        TestExecutionResult timedOut = results.get("waitsForever()");
        String timeout = failure(results, "waitsForever()");
        assertTrue(timeout.contains("Failing.waitsForever timed out after 0.3 s of real time; its tasks then:"),
                timeout);
        assertTrue(timeout.contains("(T) Failing.waitsForever [waiting]"), timeout);
        assertInstanceOf(dev.jasyncio.CancelledError.class, timedOut.getThrowable().orElseThrow().getCause());
        assertTrue(failure(results, "isNotACoroutine()").contains("must take no parameters and return Coroutine"));
    }

    @Test
    void runTestRunsAnAsyncBodyFromAPlainTestWithTheSameChecks() {
        Object r = AsyncTesting.runTest(() -> coro("body", v -> awaiting(sleep(60)),
                v -> getRunningLoop().time()));
        assertEquals(60.0, r);
        AssertionError e = assertThrows(AssertionError.class, () -> AsyncTesting.runTest(() -> coro("body", v -> {
            createTask(coro("orphan", w -> awaiting(sleep(100)), w -> null), "orphan");
            return null;
        })));
        assertTrue(e.getMessage().startsWith("runTest left 1 task(s) running"), e.getMessage());
        ValueError thrown = assertThrows(ValueError.class, () -> AsyncTesting.runTest(() -> coro("body", v -> {
            throw new ValueError("as is");
        })));
        assertEquals("as is", thrown.getMessage());
    }
}
