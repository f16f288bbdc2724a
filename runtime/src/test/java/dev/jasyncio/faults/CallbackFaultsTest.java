package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection into the user code the loop runs itself: task steps, callbacks, timers, done callbacks, the
 * exception handler. Each fault fails that unit only: the loop runs on, the failure reaches the awaiter or the
 * exception handler as the very object thrown, and the rest of the program's work is done.
 */
class CallbackFaultsTest {

    private static EventLoop virtualLoop() {
        return EventLoop.withVirtualTime();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aTaskThatThrowsFailsAloneAndItsAwaiterGetsTheFailure(Fault fault) {
        Throwable[] thrown = new Throwable[1];
        List<Object> seen = new ArrayList<>();
        Object result = Asyncio.run(coro("main", v -> {
            Task<Object> bad = createTask(coro("bad", x -> awaiting(sleep(0)), x -> {
                throw fault.raise(thrown);
            }));
            Task<Object> good = createTask(coro("good", x -> awaiting(sleep(0.5)), x -> "good"));
            seen.add(good);
            return awaiting(bad);
        }, catching((v, e) -> {
            seen.add(e);
            return awaiting(seen.get(0)); // the other task still completes
        }), v -> v), EventLoop::withVirtualTime);
        assertSame(thrown[0], seen.get(1), "the awaiter gets the very failure");
        assertEquals("good", result);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aCallbackThatThrowsIsReportedAndTheNextCallbacksRun(Fault fault) {
        Throwable[] thrown = new Throwable[3];
        List<Map<String, Object>> reports = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        Asyncio.run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            Throwable[] one = new Throwable[1];
            loop.callSoon(() -> {
                ran.add("soon");
                fault.raise(one);
            });
            loop.callSoon(() -> {
                thrown[0] = one[0];
                ran.add("after soon");
            });
            Throwable[] two = new Throwable[1];
            loop.callLater(0.1, () -> {
                ran.add("timer");
                fault.raise(two);
            });
            loop.callLater(0.1, () -> {
                thrown[2] = two[0]; // reported last: the timer fires after the soon callbacks
                ran.add("after timer");
            });
            Future<String> f = loop.createFuture();
            Throwable[] three = new Throwable[1];
            f.addDoneCallback(x -> {
                ran.add("done callback");
                fault.raise(three);
            });
            f.addDoneCallback(x -> {
                thrown[1] = three[0];
                ran.add("next done callback");
            });
            f.setResult("x");
            return awaiting(sleep(0.2));
        }, v -> null), EventLoop::withVirtualTime);
        assertEquals(List.of("soon", "after soon", "done callback", "next done callback", "timer", "after timer"),
                ran);
        assertEquals(3, reports.size(), String.valueOf(reports));
        for (int i = 0; i < 3; i++) {
            Map<String, Object> r = reports.get(i);
            assertTrue(String.valueOf(r.get("message")).startsWith("Exception in callback"), String.valueOf(r));
            assertSame(thrown[i], r.get("exception"));
            assertTrue(r.get("handle") != null);
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void anExceptionHandlerThatThrowsIsLoggedAndTheLoopRunsOn(Fault fault) {
        Throwable[] thrown = new Throwable[1];
        List<String> ran = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            Object r = Asyncio.run(coro("main", v -> {
                EventLoop loop = getRunningLoop();
                loop.setExceptionHandler((l, ctx) -> {
                    ran.add("handler");
                    fault.raise(thrown);
                });
                loop.callSoon(() -> {
                    throw new IllegalStateException("callback broke");
                });
                loop.callSoon(() -> ran.add("next callback"));
                return awaiting(sleep(0.1));
            }, v -> "done"), EventLoop::withVirtualTime);
            assertEquals("done", r);
            assertEquals(List.of("handler", "next callback"), ran);
            List<LogCapture.Entry> entries = log.entries();
            assertEquals(1, entries.size(), String.valueOf(log.messages()));
            assertTrue(entries.get(0).message().startsWith("Unhandled error in exception handler"),
                    entries.get(0).message());
            assertTrue(entries.get(0).message().contains("callback broke"), entries.get(0).message());
            assertSame(thrown[0], entries.get(0).thrown());
        }
    }

    /** The documented exceptions: the JVM's own breakdowns end the loop, from a task or from a callback. */
    @Test
    void anInternalErrorEndsTheLoopWhereverItIsThrown() {
        InternalError inTask = new InternalError("the JVM broke in a task");
        assertSame(inTask, assertThrows(InternalError.class, () -> Asyncio.run(coro("main", v -> {
            Task<Object> t = createTask(coro("bad", x -> {
                throw inTask;
            }));
            return awaiting(sleep(10));
        }), EventLoop::withVirtualTime)));

        InternalError inCallback = new InternalError("the JVM broke in a callback");
        EventLoop loop = virtualLoop();
        try {
            loop.callSoon(() -> {
                throw inCallback;
            });
            assertSame(inCallback, assertThrows(InternalError.class, () -> loop.runUntilComplete(
                    loop.createTask(coro("main", v -> awaiting(sleep(10)), v -> null)))));
        } finally {
            loop.close();
        }
    }
}
