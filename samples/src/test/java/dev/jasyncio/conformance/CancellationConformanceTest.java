package dev.jasyncio.conformance;

import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;

/** Cancellation written as users write it, against the CPython programs {@code cancel_*.py}. */
class CancellationConformanceTest extends ConformanceBase {

    private final List<Throwable> caught = new ArrayList<>();

    @Async
    Coroutine<Void> child() {
        say("body runs");
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> cancelBeforeFirstStep() {
        Task<Void> t = createTask(child());
        say(t.cancel("early"), t.cancelling());
        try {
            await(t);
        } catch (CancelledError e) {
            say("awaiter got", repr(e));
        }
        say(t.done(), t.cancelled());
        return Coroutine.of(null);
    }

    /** cpython/cancel_before_first_step.py */
    @Test
    void cancelledBeforeTheFirstStep() {
        run(cancelBeforeFirstStep());
        assertOutput("cancel_before_first_step");
    }

    @Async
    Coroutine<Void> inner() {
        try {
            say("inner awaits");
            await(sleep(10));
        } finally {
            say("inner finally");
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> cancellable() {
        try {
            await(inner());
        } catch (CancelledError e) {
            say("child caught", repr(e));
            caught.add(e);
            throw e;
        } finally {
            say("child finally");
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> cancelAtAwait() {
        Task<Void> t = createTask(cancellable());
        await(sleep(0));
        say("cancel:", t.cancel("stop it"), t.cancelled(), t.cancelling());
        try {
            await(t);
        } catch (CancelledError e) {
            say("main got", repr(e), "same object:", e == caught.get(0));
        }
        try {
            t.result();
        } catch (CancelledError e) {
            say(repr(e));
        }
        try {
            t.exception();
        } catch (CancelledError e) {
            say(repr(e));
        }
        say(t.cancelled(), t.cancel());
        return Coroutine.of(null);
    }

    /** cpython/cancel_at_await.py */
    @Test
    void cancelledErrorAtTheCurrentAwaitWithFinallyBlocks() {
        run(cancelAtAwait());
        assertOutput("cancel_at_await");
    }

    @Async
    Coroutine<String> returnsAnyway() {
        currentTask().cancel("self");
        return Coroutine.of("value");
    }

    @Async
    Coroutine<Void> waitsOnDoneFuture(Future<String> fut) {
        String v = await(fut);
        say("never", v);
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> cancelWinsOverReturn() {
        Task<String> t = createTask(returnsAnyway());
        try {
            say(await(t));
        } catch (CancelledError e) {
            say("cancelled despite return:", repr(e), t.cancelled());
        }
        Future<String> fut = getRunningLoop().createFuture();
        Task<Void> u = createTask(waitsOnDoneFuture(fut));
        await(sleep(0));
        fut.setResult("ready");
        say("cancel after the result is set:", u.cancel("late"));
        try {
            await(u);
        } catch (CancelledError e) {
            say("cancelled despite the result:", repr(e), fut.result());
        }
        return Coroutine.of(null);
    }

    /** cpython/cancel_wins_over_return.py */
    @Test
    void aPendingCancelWinsOverAReturnAndAnAlreadySetResult() {
        run(cancelWinsOverReturn());
        assertOutput("cancel_wins_over_return");
    }

    @Async
    Coroutine<String> stubborn() {
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            say("stubborn swallows", repr(e));
            return Coroutine.of("swallowed");
        }
        return Coroutine.of("slept");
    }

    @Async
    Coroutine<String> outer(Task<String> innerTask) {
        String r = await(innerTask);
        say("outer got", r);
        await(sleep(0));
        say("outer still running");
        return Coroutine.of(r);
    }

    @Async
    Coroutine<Void> forwardedAndSwallowed() {
        Task<String> in = createTask(stubborn());
        Task<String> o = createTask(outer(in));
        await(sleep(0));
        say("cancel outer:", o.cancel("msg"));
        say(await(o), o.cancelled(), o.cancelling(), in.cancelled(), in.cancelling());
        return Coroutine.of(null);
    }

    /** cpython/cancel_forwarded_swallowed.py */
    @Test
    void aForwardedCancelThatIsSwallowedLeavesTheOuterTaskRunning() {
        run(forwardedAndSwallowed());
        assertOutput("cancel_forwarded_swallowed");
    }

    @Async
    Coroutine<String> counts() {
        Task<?> t = currentTask();
        t.cancel();
        t.cancel();
        say(t.cancelling());
        say(t.uncancel());
        say(t.uncancel());
        say(t.uncancel());
        await(sleep(0));
        say("not cancelled: the requests were withdrawn");
        t.cancel("again");
        try {
            await(sleep(0));
        } catch (CancelledError e) {
            say("bare yield cancelled", repr(e), t.cancelling());
            t.uncancel();
        }
        await(sleep(0));
        say("carries on", t.cancelling());
        return Coroutine.of("done");
    }

    @Async
    Coroutine<Void> countsMain() {
        say(await(createTask(counts())));
        return Coroutine.of(null);
    }

    /** cpython/cancel_counts.py */
    @Test
    void cancellingCountsAndUncancel() {
        run(countsMain());
        assertOutput("cancel_counts");
    }

    @Async
    Coroutine<Void> ordering() {
        expect(1);
        Task<Void> t = createTask(orderingChild());
        expect(2);
        await(sleep(0));
        expect(4);
        t.cancel();
        try {
            await(t);
        } catch (CancelledError e) {
            expect(6);
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> orderingChild() {
        expect(3);
        try {
            await(sleep(10));
        } finally {
            expect(5);
        }
        return Coroutine.of(null);
    }

    @Test
    void stepsRunInAsyncioOrder() {
        run(ordering());
        finish(7);
    }
}
