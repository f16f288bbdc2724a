package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static dev.jasyncio.testing.Py.repr;

/** {@code gather}, against asyncio's {@code _GatheringFuture}. */
class GatherTest extends TestBase {

    private Coroutine<String> work(String name, double delay, boolean fail) {
        return coro("work", v -> awaiting(sleep(delay)), v -> {
            say("finished", name);
            if (fail) {
                throw new ValueError(name);
            }
            return name;
        });
    }

    private Coroutine<Void> sleeper(String name) {
        return coro("sleeper", v -> awaiting(sleep(10)), catching((v, e) -> {
            if (e instanceof CancelledError) {
                say(name, "cancelled", repr(e));
            }
            return rethrow(e, null);
        }));
    }

    /** cpython/gather_basics.py */
    @Test
    void resultsInArgumentOrderFirstFailureAtOnceAndReturnExceptions() {
        Task<?>[] slow = new Task<?>[1];
        run(coro("main", v -> {
            Task<String> t = createTask(work("t", 0.01, false));
            return awaiting(gather(work("slow", 0.03, false), work("fast", 0.01, false), t, t));
        }, v -> {
            say(v);
            slow[0] = createTask(work("slow2", 0.03, false));
            return awaiting(gather(work("bad", 0.01, true), slow[0]));
        }, catching((v, e) -> {
            say("raised", repr(e), "slow2 done:", slow[0].done());
            return awaiting(sleep(0.03));
        }), v -> {
            say("slow2 done:", slow[0].done());
            return awaiting(gather(List.of(work("ok", 0.01, false), work("bad2", 0.02, true)), true));
        }, v -> {
            say(v);
            return awaiting(gather());
        }, v -> {
            say(v);
            return null;
        }));
        assertOutput("gather_basics");
    }

    /** cpython/gather_cancel.py */
    @Test
    void cancellingTheGatherCancelsChildrenAndACancelledChildFailsTheGather() {
        Future<?>[] g = new Future<?>[1];
        Task<?>[] c = new Task<?>[1];
        run(coro("main", v -> {
            g[0] = gather(sleeper("a"), sleeper("b"));
            return awaiting(sleep(0));
        }, v -> {
            say("cancel gather:", g[0].cancel("stop"));
            return awaiting(g[0]);
        }, catching((v, e) -> {
            say("gather raised", repr(e), g[0].cancelled());
            c[0] = createTask(sleeper("c"));
            Task<String> d = createTask(sleep(0.01, "d"));
            g[0] = gather(c[0], d);
            return awaiting(sleep(0));
        }), v -> {
            c[0].cancel("only c");
            return awaiting(g[0]);
        }, catching((v, e) -> {
            say("g2 raised", repr(e), g[0].cancelled());
            c[0] = createTask(sleeper("e"));
            g[0] = gather(List.of(c[0], sleep(0.01, "f")), true);
            return awaiting(sleep(0));
        }), v -> {
            c[0].cancel("only e");
            return awaiting(g[0]);
        }, v -> {
            say(v);
            return null;
        }));
        assertOutput("gather_cancel");
    }

    /** cpython/gather_cancel_last_child.py */
    @Test
    void aCancelledGatherTakesItsErrorFromTheLastChild() {
        Future<?>[] g = new Future<?>[1];
        run(coro("main", v -> {
            Future<String> done = getRunningLoop().createFuture();
            done.setResult("x");
            g[0] = gather(List.of(coro("sleeper", x -> awaiting(sleep(10))), done), true);
            return awaiting(sleep(0));
        }, v -> {
            say(g[0].cancel("msg"));
            return awaiting(g[0]);
        }, catching((v, e) -> {
            say(repr(e));
            return null;
        })));
        assertOutput("gather_cancel_last_child");
    }
}
