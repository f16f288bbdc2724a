package dev.jasyncio.conformance;

import dev.jasyncio.Awaitable;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.ReturnWhen;
import dev.jasyncio.Task;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.WaitResult;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.jasyncio.Asyncio.asCompleted;
import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.shield;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.waitFor;

/** gather, wait, asCompleted, waitFor, shield as users write them, against the CPython programs. */
class CombinatorsConformanceTest extends ConformanceBase {

    @Async
    Coroutine<String> work(String name, double delay, boolean fail) {
        await(sleep(delay));
        say("finished", name);
        if (fail) {
            throw new ValueError(name);
        }
        return Coroutine.of(name);
    }

    @Async
    Coroutine<Void> gatherBasics() {
        Task<String> t = createTask(work("t", 0.01, false));
        say(await(gather(work("slow", 0.03, false), work("fast", 0.01, false), t, t)));
        Task<String> slow = createTask(work("slow2", 0.03, false));
        try {
            await(gather(work("bad", 0.01, true), slow));
        } catch (ValueError e) {
            say("raised", repr(e), "slow2 done:", slow.done());
        }
        await(sleep(0.03));
        say("slow2 done:", slow.done());
        say(await(gather(List.of(work("ok", 0.01, false), work("bad2", 0.02, true)), true)));
        say(await(gather()));
        return Coroutine.of(null);
    }

    /** cpython/gather_basics.py */
    @Test
    void gatherOrdersResultsAndRaisesTheFirstFailure() {
        run(gatherBasics());
        assertOutput("gather_basics");
    }

    private static List<String> names(Set<? extends Future<?>> fs, Map<String, Task<String>> tasks) {
        TreeSet<String> out = new TreeSet<>();
        tasks.forEach((n, t) -> {
            if (fs.contains(t)) {
                out.add(n);
            }
        });
        return new ArrayList<>(out);
    }

    @Async
    Coroutine<String> quietWork(String name, double delay, boolean fail) {
        await(sleep(delay));
        if (fail) {
            throw new ValueError(name);
        }
        return Coroutine.of(name);
    }

    @Async
    Coroutine<Void> waitModes() {
        Map<String, Task<String>> tasks = new LinkedHashMap<>();
        tasks.put("a", createTask(quietWork("a", 0.01, false)));
        tasks.put("b", createTask(quietWork("b", 0.02, true)));
        tasks.put("c", createTask(quietWork("c", 0.2, false)));
        WaitResult<String> r = await(dev.jasyncio.Asyncio.wait(tasks.values(), ReturnWhen.FIRST_COMPLETED));
        say("FIRST_COMPLETED", names(r.done(), tasks), names(r.pending(), tasks));
        r = await(dev.jasyncio.Asyncio.wait(tasks.values(), ReturnWhen.FIRST_EXCEPTION));
        say("FIRST_EXCEPTION", names(r.done(), tasks), names(r.pending(), tasks));
        r = await(dev.jasyncio.Asyncio.wait(tasks.values(), 0.005));
        say("timeout", names(r.done(), tasks), names(r.pending(), tasks), tasks.get("c").cancelled());
        r = await(dev.jasyncio.Asyncio.wait(tasks.values()));
        say("ALL_COMPLETED", names(r.done(), tasks), names(r.pending(), tasks));
        WaitResult<String> all = r;
        say(tasks.values().stream().allMatch(t -> all.done().stream().anyMatch(d -> d == t)));
        say(repr(tasks.get("b").exception()));
        Task<String> x = createTask(quietWork("x", 0.01, false));
        r = await(dev.jasyncio.Asyncio.wait(List.of(x), ReturnWhen.FIRST_EXCEPTION));
        say("no exception: waits for all", r.done().size(), r.pending().size());
        try {
            await(dev.jasyncio.Asyncio.wait(List.<Future<String>>of()));
        } catch (IllegalArgumentException e) {
            say("ValueError('" + e.getMessage() + "')");
        }
        return Coroutine.of(null);
    }

    /** cpython/wait_modes.py */
    @Test
    void waitReturnsDoneAndPendingByMode() {
        run(waitModes());
        assertOutput("wait_modes");
    }

    @Async
    Coroutine<Void> asCompletedMain() {
        for (Awaitable<String> next : asCompleted(List.of(quietWork("slow", 0.03, false),
                quietWork("fast", 0.01, false), quietWork("mid", 0.02, false)))) {
            say(await(next));
        }
        for (Awaitable<String> next : asCompleted(List.of(quietWork("quick", 0.01, false),
                quietWork("late", 0.5, false)), 0.03)) {
            try {
                say(await(next));
            } catch (TimeoutError e) {
                say("timeout", repr(e));
            }
        }
        return Coroutine.of(null);
    }

    /** cpython/as_completed.py */
    @Test
    void asCompletedInCompletionOrder() {
        run(asCompletedMain());
        assertOutput("as_completed");
    }

    @Async
    Coroutine<String> cleanWork(double delay, String value) {
        try {
            await(sleep(delay));
            return Coroutine.of(value);
        } finally {
            say("work cleanup", value);
        }
    }

    @Async
    Coroutine<String> stubborn() {
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            say("stubborn swallows");
            return Coroutine.of("stubborn value");
        }
        return Coroutine.of("slept");
    }

    @Async
    Coroutine<Void> neverStarted() {
        say("never printed");
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> waitForMain() {
        say(await(waitFor(cleanWork(0.01, "in time"), 1)));
        try {
            await(waitFor(cleanWork(1, "too late"), 0.01));
        } catch (TimeoutError e) {
            say("TimeoutError", repr(e.getCause()), currentTask().cancelling());
        }
        say(await(waitFor(createTask(stubborn()), 0.01)));
        try {
            await(waitFor(neverStarted(), 0));
        } catch (TimeoutError e) {
            say("zero timeout", repr(e.getCause()));
        }
        Future<String> f = getRunningLoop().createFuture();
        f.setResult("ready");
        say(await(waitFor(f, 0)));
        say(await(waitFor(cleanWork(0.01, "no limit"), Double.POSITIVE_INFINITY)));
        Task<String> t = createTask(cleanWork(1, "in a task"));
        try {
            await(waitFor(t, 0.01));
        } catch (TimeoutError e) {
            say("task cancelled:", t.cancelled());
        }
        return Coroutine.of(null);
    }

    /** cpython/wait_for.py */
    @Test
    void waitForTimeouts() {
        run(waitForMain());
        assertOutput("wait_for");
    }

    @Async
    Coroutine<String> shieldWork(String name, double delay) {
        await(sleep(delay));
        say(name, "finished");
        return Coroutine.of(name);
    }

    @Async
    Coroutine<String> shieldWaiter(Task<String> aw) {
        try {
            return Coroutine.of(await(shield(aw)));
        } catch (CancelledError e) {
            say("waiter cancelled");
            throw e;
        }
    }

    @Async
    Coroutine<Void> shieldMain() {
        Task<String> inner = createTask(shieldWork("inner", 0.1));
        Task<String> w = createTask(shieldWaiter(inner));
        await(sleep(0.01));
        w.cancel();
        try {
            await(w);
        } catch (CancelledError e) {
            say("w cancelled:", w.cancelled(), "inner cancelled:", inner.cancelled());
        }
        say(await(inner));
        Task<String> inner2 = createTask(shieldWork("inner2", 0.01));
        Future<String> s = shield(inner2);
        s.cancel();
        say(await(inner2), s.cancelled());
        Task<String> inner3 = createTask(shieldWork("inner3", 1));
        Future<String> s3 = shield(inner3);
        await(sleep(0));
        inner3.cancel();
        try {
            await(s3);
        } catch (CancelledError e) {
            say("shield cancelled with its inner:", s3.cancelled());
        }
        Future<Integer> done = getRunningLoop().createFuture();
        done.setResult(1);
        say(shield(done) == done);
        return Coroutine.of(null);
    }

    /** cpython/shield.py */
    @Test
    void shieldStopsCancellation() {
        run(shieldMain());
        assertOutput("shield");
    }
}
