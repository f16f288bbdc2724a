package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.jasyncio.Asyncio.allTasks;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Task}: names, states, introspection, against asyncio's C Task. */
class TaskTest extends TestBase {

    private static Coroutine<Void> child() {
        return coro("child", v -> awaiting(sleep(0)), v -> null);
    }

    /** cpython/task_names.py */
    @Test
    void namesCountUnnamedTasksAndTheMainTaskIsTaskOne() {
        Task<?>[] t = new Task<?>[4];
        run(coro("main", v -> {
            Task<?> me = currentTask();
            t[0] = me;
            say(me.getName());
            t[1] = createTask(child());
            t[2] = createTask(child(), "named");
            t[3] = createTask(child());
            say(t[1].getName(), t[2].getName(), t[3].getName());
            t[3].setName("renamed");
            say(t[3].getName());
            say(currentTask() == me, t[1].getCoro() != null);
            say(allTasks().size(), allTasks().contains(me));
            return awaiting(gather(t[1], t[2], t[3]));
        }, v -> {
            say(allTasks().size(), allTasks().contains(t[1]));
            getRunningLoop().callSoon(() -> say("current task in a callback:", currentTask()));
            return awaiting(sleep(0));
        }, v -> null));
        assertOutput("task_names");
    }

    /** cpython/task_result_states.py */
    @Test
    void resultStatesAndSetResultRefusedAsCPython() {
        Task<?>[] t = new Task<?>[2];
        run(coro("main", v -> {
            Task<String> ok = createTask(coro("ok", x -> awaiting(sleep(0)), x -> "value"));
            t[0] = ok;
            say(ok.done(), ok.cancelled());
            say(repr(assertThrows(InvalidStateError.class, ok::result)));
            return awaiting(ok);
        }, v -> {
            say(v, t[0].done(), t[0].result(), t[0].exception());
            t[1] = createTask(coro("fail", x -> awaiting(sleep(0)), x -> {
                throw new ValueError("failed");
            }));
            return awaiting(t[1]);
        }, catching((v, e) -> {
            say("awaited", repr(e), t[1].exception() == e);
            @SuppressWarnings("unchecked")
            Task<Object> ok = (Task<Object>) t[0];
            IllegalStateException r = assertThrows(IllegalStateException.class, () -> ok.setResult(1));
            say("RuntimeError('" + r.getMessage() + "')");
            r = assertThrows(IllegalStateException.class, () -> ok.setException(new ValueError(null)));
            say("RuntimeError('" + r.getMessage() + "')");
            return null;
        })));
        assertOutput("task_result_states");
    }

    @Test
    void aCoroutineRunsOnceAndATaskCannotAwaitItself() {
        run(coro("main", v -> {
            Coroutine<Void> c = child();
            createTask(c);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> createTask(c));
            assertTrue(e.getMessage().startsWith("cannot reuse already awaited coroutine"), e.getMessage());
            return awaiting(c);
        }, catching((v, e) -> {
            assertTrue(e instanceof IllegalStateException);
            assertTrue(e.getMessage().startsWith("cannot reuse already awaited coroutine"));
            return awaiting(currentTask());
        }), catching((v, e) -> {
            assertTrue(e instanceof IllegalStateException);
            assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
            return null;
        })));
    }

    @Test
    void stackOfASuspendedTaskIsItsChainOfFramesOldestFirst() {
        run(coro("main", v -> {
            Coroutine<Void> inner = coro("Inner.work", x -> awaiting(sleep(10)));
            Task<Void> t = createTask(coro("Outer.run", x -> awaiting(inner)));
            return awaiting(sleep(0), 1);
        }, v -> {
            Task<?> t = allTasks().stream().filter(x -> x != currentTask()).findFirst().orElseThrow();
            List<StackTraceElement> stack = t.getStack();
            assertEquals(3, stack.size(), stack.toString());
            assertEquals("Outer", stack.get(0).getClassName());
            assertEquals("run", stack.get(0).getMethodName());
            assertEquals("Outer.run.java", stack.get(0).getFileName());
            assertEquals("Inner", stack.get(1).getClassName());
            assertEquals("sleep", stack.get(2).getMethodName());
            assertEquals(1, t.getStack(1).size());
            assertEquals("sleep", t.getStack(1).get(0).getMethodName());
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            t.printStack(Integer.MAX_VALUE, new PrintStream(buf, true, StandardCharsets.UTF_8));
            String printed = buf.toString(StandardCharsets.UTF_8);
            assertTrue(printed.startsWith("Stack for <Task pending name='Task-2' coro=<coroutine Outer.run"),
                    printed);
            assertTrue(printed.contains("(most recent call last):"), printed);
            assertTrue(printed.contains("  File \"Inner.work.java\", line 1, in Inner.work"), printed);
            t.cancel();
            return null;
        }));
    }

    @Test
    void stackOfADoneTaskIsEmptyOrItsExceptionsFrames() {
        ValueError err = new ValueError("x");
        Task<?>[] bad = new Task<?>[2];
        run(coro("main", v -> {
            bad[0] = createTask(coro("bad", x -> {
                throw err;
            }));
            bad[1] = createTask(coro("good", x -> "fine"));
            return awaiting(sleep(0));
        }, v -> {
            assertEquals(List.of(), bad[1].getStack());
            List<StackTraceElement> frames = bad[0].getStack();
            StackTraceElement[] trace = err.getStackTrace();
            assertEquals(trace.length, frames.size());
            assertEquals(trace[trace.length - 1], frames.get(0));
            assertEquals(trace[0], frames.get(frames.size() - 1));
            bad[0].exception();
            return null;
        }));
    }

    @Test
    void reprFollowsAsyncio() {
        run(coro("main", v -> {
            Task<String> t = createTask(coro("Demo.child", x -> "r"), "demo");
            assertTrue(t.toString().startsWith("<Task pending name='demo' coro=<coroutine Demo.child"), t.toString());
            return awaiting(t);
        }, v -> {
            Task<?> t = createTask(coro("Demo.sleeper", x -> awaiting(sleep(1))), "s");
            t.cancel();
            assertTrue(t.toString().startsWith("<Task cancelling name='s'"), t.toString());
            return null;
        }));
    }
}
