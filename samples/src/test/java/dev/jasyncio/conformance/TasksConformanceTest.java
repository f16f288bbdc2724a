package dev.jasyncio.conformance;

import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.ExceptionGroup;
import dev.jasyncio.Future;
import dev.jasyncio.InvalidStateError;
import dev.jasyncio.Task;
import dev.jasyncio.Timeout;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jasyncio.Asyncio.allTasks;
import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.taskGroup;
import static dev.jasyncio.Asyncio.timeout;
import static dev.jasyncio.Asyncio.waitFor;

/** Tasks, the loop's order, and cancellation through scopes, as users write them, against CPython. */
class TasksConformanceTest extends ConformanceBase {

    @Async
    Coroutine<Integer> stepChild() {
        say("child step 1");
        return Coroutine.of(42);
    }

    @Async
    Coroutine<Void> nextIteration() {
        EventLoop loop = getRunningLoop();
        loop.callSoon(() -> say("callback scheduled before the task"));
        Task<Integer> t = createTask(stepChild());
        loop.callSoon(() -> say("callback scheduled after the task"));
        t.addDoneCallback(f -> say("done callback", f.result()));
        say("main continues; child started:", t.done());
        await(sleep(0));
        say("main after one iteration; done:", t.done());
        await(sleep(0));
        say("main after two iterations");
        Future<Integer> f = loop.createFuture();
        f.addDoneCallback(d -> say("future callback", d.result()));
        f.setResult(7);
        say("after set_result");
        f.addDoneCallback(d -> say("late callback", d.result()));
        say("after adding to a done future");
        await(sleep(0));
        say("end");
        return Coroutine.of(null);
    }

    /** cpython/loop_create_task_next_iteration.py */
    @Test
    void aTaskStartsOnTheNextIterationAndCallbacksAreNeverInline() {
        run(nextIteration());
        assertOutput("loop_create_task_next_iteration");
    }

    @Async
    Coroutine<Void> worker(String name) {
        try {
            say(name, "started");
            await(sleep(10));
        } catch (CancelledError e) {
            say(name, "cancelled");
            throw e;
        } finally {
            say(name, "cleanup");
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<String> leftovers() {
        createTask(worker("w1"));
        createTask(worker("w2"));
        await(sleep(0));
        say("main returns");
        return Coroutine.of("result");
    }

    /** cpython/run_cancels_leftovers.py */
    @Test
    void runCancelsLeftoverTasks() {
        say(run(leftovers()));
        assertOutput("run_cancels_leftovers");
    }

    @Async
    Coroutine<Void> yieldOnce() {
        await(sleep(0));
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> names() {
        Task<?> me = currentTask();
        say(me.getName());
        Task<Void> a = createTask(yieldOnce());
        Task<Void> b = createTask(yieldOnce(), "named");
        Task<Void> c = createTask(yieldOnce());
        say(a.getName(), b.getName(), c.getName());
        c.setName("renamed");
        say(c.getName());
        say(currentTask() == me, a.getCoro() != null);
        say(allTasks().size(), allTasks().contains(me));
        await(gather(a, b, c));
        say(allTasks().size(), allTasks().contains(a));
        getRunningLoop().callSoon(() -> say("current task in a callback:", currentTask()));
        await(sleep(0));
        return Coroutine.of(null);
    }

    /** cpython/task_names.py */
    @Test
    void taskNames() {
        run(names());
        assertOutput("task_names");
    }

    @Async
    Coroutine<String> ok() {
        await(sleep(0));
        return Coroutine.of("value");
    }

    @Async
    Coroutine<String> fail() {
        await(sleep(0));
        throw new ValueError("failed");
    }

    @Async
    Coroutine<Void> resultStates() {
        Task<String> t = createTask(ok());
        say(t.done(), t.cancelled());
        try {
            t.result();
        } catch (InvalidStateError e) {
            say(repr(e));
        }
        say(await(t), t.done(), t.result(), t.exception());
        Task<String> u = createTask(fail());
        try {
            await(u);
        } catch (ValueError e) {
            say("awaited", repr(e), u.exception() == e);
        }
        try {
            t.setResult("x");
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        try {
            t.setException(new ValueError(null));
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        return Coroutine.of(null);
    }

    /** cpython/task_result_states.py */
    @Test
    void taskResultStates() {
        run(resultStates());
        assertOutput("task_result_states");
    }

    @Async
    Coroutine<String> finallyWork(String name, double delay) {
        try {
            await(sleep(delay));
        } finally {
            say(name, "finally");
        }
        return Coroutine.of(name);
    }

    @Async
    Coroutine<Void> group() {
        try {
            await(taskGroup(tg -> {
                tg.createTask(finallyWork("x", 1));
                tg.createTask(finallyWork("y", 1));
                return Coroutine.of(null);
            }));
            say("never");
        } catch (CancelledError e) {
            say("group cancelled", repr(e));
            throw e;
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> boom() {
        await(sleep(0.01));
        throw new ValueError("deep");
    }

    @Async
    Coroutine<Void> taskGroupCancel() {
        Task<Void> t = createTask(group());
        await(sleep(0.01));
        t.cancel("stop");
        try {
            await(t);
        } catch (CancelledError e) {
            say("task cancelled:", t.cancelled(), repr(e));
        }
        await(taskGroup(outer -> {
            outer.createTask(finallyWork("o", 0.02));
            await(taskGroup(inner -> {
                inner.createTask(finallyWork("i1", 0.01));
                inner.createTask(finallyWork("i2", 0.03));
                return Coroutine.of(null);
            }));
            say("inner group done");
            return Coroutine.of(null);
        }));
        say("outer group done");
        try {
            await(taskGroup(outer -> {
                outer.createTask(finallyWork("p", 1));
                await(taskGroup(inner -> {
                    inner.createTask(boom());
                    inner.createTask(finallyWork("q", 1));
                    return Coroutine.of(null);
                }));
                return Coroutine.of(null);
            }));
        } catch (ExceptionGroup eg) {
            say(repr(eg));
        }
        say("cancelling:", currentTask().cancelling());
        return Coroutine.of(null);
    }

    /** cpython/taskgroup_cancel.py */
    @Test
    void taskGroupCancelledFromOutsideAndNested() {
        run(taskGroupCancel());
        assertOutput("taskgroup_cancel");
    }

    private Timeout outer;
    private Timeout inner;

    @Async
    Coroutine<Void> nestedTimeouts() {
        try {
            await(timeout(0.05, o -> {
                outer = o;
                try {
                    await(timeout(0.01, i -> {
                        inner = i;
                        await(sleep(1));
                        return Coroutine.of(null);
                    }));
                } catch (TimeoutError e) {
                    say("inner expired:", inner.expired(), "outer expired:", outer.expired());
                }
                await(sleep(1));
                return Coroutine.of(null);
            }));
        } catch (TimeoutError e) {
            say("outer expired:", outer.expired());
        }
        try {
            await(timeout(0.01, o -> {
                outer = o;
                try {
                    await(timeout(1, i -> {
                        inner = i;
                        await(sleep(1));
                        return Coroutine.of(null);
                    }));
                } catch (TimeoutError e) {
                    say("never");
                } catch (CancelledError e) {
                    say("inner scope lets the outer's cancellation through, inner expired:", inner.expired());
                    throw e;
                }
                return Coroutine.of(null);
            }));
        } catch (TimeoutError e) {
            say("outer got it:", outer.expired(), currentTask().cancelling());
        }
        return Coroutine.of(null);
    }

    /** cpython/timeout_nested.py */
    @Test
    void nestedTimeoutScopes() {
        run(nestedTimeouts());
        assertOutput("timeout_nested");
    }

    @Async
    Coroutine<Void> innerCleanup() {
        try {
            await(sleep(10));
        } finally {
            say("inner cleanup");
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> outerWaitFor() {
        try {
            await(waitFor(innerCleanup(), 5));
        } catch (CancelledError e) {
            say("outer cancelled", repr(e));
            throw e;
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> waitForOuterCancel() {
        Task<Void> t = createTask(outerWaitFor());
        await(sleep(0.01));
        t.cancel("from main");
        try {
            await(t);
        } catch (CancelledError e) {
            say("cancelled:", t.cancelled());
        }
        return Coroutine.of(null);
    }

    /** cpython/wait_for_outer_cancel.py */
    @Test
    void cancellingAWaitForCancelsTheInnerWork() {
        run(waitForOuterCancel());
        assertOutput("wait_for_outer_cancel");
    }

    @Async
    Coroutine<Void> cancellableGetter(Queue<String> q, String name) {
        try {
            String item = await(q.get());
            say(name, "got", item);
        } catch (CancelledError e) {
            say(name, "cancelled");
            throw e;
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> cancelledGet() {
        Queue<String> q = new Queue<>();
        Task<Void> g1 = createTask(cancellableGetter(q, "g1"));
        Task<Void> g2 = createTask(cancellableGetter(q, "g2"));
        await(sleep(0));
        q.putNowait("item");
        g1.cancel();
        await(sleep(0));
        await(sleep(0));
        say("qsize", q.qsize(), "g2 done:", g2.done());
        Queue<String> q3 = new Queue<>();
        Task<Void> g3 = createTask(cancellableGetter(q3, "g3"));
        await(sleep(0));
        g3.cancel();
        await(sleep(0));
        q3.putNowait("kept");
        say("qsize", q3.qsize(), q3.getNowait());
        return Coroutine.of(null);
    }

    /** cpython/queue_cancelled_get.py */
    @Test
    void aCancelledGetLosesNoItem() {
        run(cancelledGet());
        assertOutput("queue_cancelled_get");
    }

    @Async
    Coroutine<Void> sleeper(String name) {
        try {
            await(sleep(10));
        } catch (CancelledError e) {
            say(name, "cancelled", repr(e));
            throw e;
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> gatherCancel() {
        Future<List<Void>> g = gather(sleeper("a"), sleeper("b"));
        await(sleep(0));
        say("cancel gather:", g.cancel("stop"));
        try {
            await(g);
        } catch (CancelledError e) {
            say("gather raised", repr(e), g.cancelled());
        }
        Task<Void> c = createTask(sleeper("c"));
        Task<String> d = createTask(sleep(0.01, "d"));
        Future<List<Object>> g2 = gather(c, d);
        await(sleep(0));
        c.cancel("only c");
        try {
            await(g2);
        } catch (CancelledError e) {
            say("g2 raised", repr(e), g2.cancelled());
        }
        Task<Void> e = createTask(sleeper("e"));
        Future<List<Object>> g3 = gather(List.of(e, sleep(0.01, "f")), true);
        await(sleep(0));
        e.cancel("only e");
        say(await(g3));
        return Coroutine.of(null);
    }

    /** cpython/gather_cancel.py */
    @Test
    void cancellingAGather() {
        run(gatherCancel());
        assertOutput("gather_cancel");
    }
}
