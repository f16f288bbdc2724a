package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.shield;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;

/** {@code shield}, against asyncio's. */
class ShieldTest extends TestBase {

    private Coroutine<String> work(String name, double delay) {
        return coro("work", v -> awaiting(sleep(delay)), v -> {
            say(name, "finished");
            return name;
        });
    }

    /** cpython/shield.py */
    @Test
    void cancellationStopsAtTheShieldButTheInnerOnesCancelGetsThrough() {
        Task<?>[] t = new Task<?>[2];
        Future<?>[] s = new Future<?>[1];
        run(coro("main", v -> {
            Task<String> inner = createTask(work("inner", 0.1));
            t[0] = inner;
            t[1] = createTask(coro("waiter", x -> awaiting(shield(inner)), catching((x, e) -> {
                if (e instanceof CancelledError) {
                    say("waiter cancelled");
                }
                return rethrow(e, x);
            })));
            return awaiting(sleep(0.01));
        }, v -> {
            t[1].cancel();
            return awaiting(t[1]);
        }, catching((v, e) -> {
            say("w cancelled:", t[1].cancelled(), "inner cancelled:", t[0].cancelled());
            return awaiting(t[0]);
        }), v -> {
            say(v);
            Task<String> inner2 = createTask(work("inner2", 0.01));
            t[0] = inner2;
            s[0] = shield(inner2);
            s[0].cancel();
            return awaiting(inner2);
        }, v -> {
            say(v, s[0].cancelled());
            Task<String> inner3 = createTask(work("inner3", 1));
            t[0] = inner3;
            s[0] = shield(inner3);
            return awaiting(sleep(0));
        }, v -> {
            t[0].cancel();
            return awaiting(s[0]);
        }, catching((v, e) -> {
            say("shield cancelled with its inner:", s[0].cancelled());
            Future<Integer> done = getRunningLoop().createFuture();
            done.setResult(1);
            say(shield(done) == done);
            return null;
        })));
        assertOutput("shield");
    }
}
