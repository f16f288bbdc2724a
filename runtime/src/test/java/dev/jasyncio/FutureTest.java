package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Future}'s states, messages and callbacks, against asyncio's C Future. */
class FutureTest extends TestBase {

    /** cpython/future_states.py */
    @Test
    void statesMessagesAndCallbacks() {
        run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            Future<Integer> f = loop.createFuture();
            say(f.done(), f.cancelled());
            for (Supplier<?> m : new Supplier<?>[] {f::result, f::exception}) {
                say(repr(assertThrows(InvalidStateError.class, m::get)));
            }
            Consumer<Future<Integer>> a = fut -> say("a", fut.result());
            Consumer<Future<Integer>> b = fut -> say("b", fut.result());
            f.addDoneCallback(a);
            f.addDoneCallback(b);
            f.addDoneCallback(a);
            say("removed", f.removeDoneCallback(a));
            say("removed", f.removeDoneCallback(a));
            f.setResult(1);
            say(f.done(), f.cancelled(), f.result(), f.exception());
            say(repr(assertThrows(InvalidStateError.class, () -> f.setResult(2))));
            say(repr(assertThrows(InvalidStateError.class, () -> f.setException(new ValueError("x")))));
            say("cancel a done future:", f.cancel());
            return awaiting(sleep(0));
        }, v -> {
            Future<Integer> g = getRunningLoop().createFuture();
            say("cancel:", g.cancel("why"), g.done(), g.cancelled());
            for (Supplier<?> m : new Supplier<?>[] {g::result, g::exception}) {
                say(repr(assertThrows(CancelledError.class, m::get)));
            }
            Future<Integer> h = getRunningLoop().createFuture();
            ValueError err = new ValueError("bad");
            h.setException(err);
            say(h.exception() == err);
            ValueError raised = assertThrows(ValueError.class, h::result);
            say("result raised the very object:", raised == err);
            return null;
        }));
        assertOutput("future_states");
    }

    @Test
    void awaitingAFutureProducesItsResultOrItsVeryException() {
        ValueError err = new ValueError("x");
        Object[] got = new Object[2];
        run(coro("main", v -> {
            Future<String> f = getRunningLoop().createFuture();
            getRunningLoop().callLater(0.01, () -> f.setResult("late"));
            return awaiting(f);
        }, v -> {
            got[0] = v;
            Future<String> f = getRunningLoop().createFuture();
            getRunningLoop().callSoon(() -> f.setException(err));
            return awaiting(f);
        }, dev.jasyncio.testing.Coro.catching((v, e) -> {
            got[1] = e;
            return null;
        })));
        assertSame("late", got[0]);
        assertSame(err, got[1]);
    }

    @Test
    void aFutureNeedsARunningLoopUnlessGivenOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Future::new);
        org.junit.jupiter.api.Assertions.assertEquals("no running event loop", e.getMessage());
        EventLoop loop = new EventLoop();
        assertSame(loop, new Future<>(loop).getLoop());
        loop.close();
    }
}
