package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.taskGroup;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TaskTree}: what each task awaits, where it is suspended, who awaits it; in-process and through JMX. */
class TaskTreeTest extends TestBase {

    @Test
    void aSnapshotShowsEachTasksStackWhatItAwaitsAndWhoAwaitsIt() {
        TaskTree[] tree = new TaskTree[1];
        String[] printed = new String[1];
        run(coro("main", v -> {
            Future<Integer> never = getRunningLoop().createFuture();
            Task<?> sleeper = createTask(coro("sleeper", w -> awaiting(sleep(10)), w -> null), "sleeper");
            Task<?> waiter = createTask(coro("waiter", w -> awaiting(never), w -> null), "waiter");
            createTask(coro("inspector", w -> awaiting(sleep(1)), w -> {
                tree[0] = Asyncio.taskTree();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Asyncio.printTaskTree(new PrintStream(out, true, StandardCharsets.UTF_8));
                printed[0] = out.toString(StandardCharsets.UTF_8);
                never.setResult(1);
                return null;
            }), "inspector");
            return awaiting(gather(sleeper, waiter));
        }, v -> null));

        TaskTree t = tree[0];
        assertEquals(1.0, t.loopTime());
        assertEquals(List.of("Task-1", "sleeper", "waiter", "inspector"),
                t.tasks().stream().map(TaskTree.TaskInfo::name).toList());
        TaskTree.TaskInfo main = t.task("Task-1").orElseThrow();
        assertEquals("waiting", main.state());
        assertEquals("gather of 2", main.awaiting());
        assertEquals(List.of(2, 3), main.awaits());
        assertEquals(List.of(), main.awaitedBy());
        assertEquals(List.of(new StackTraceElement("", "main", "main.java", 1)), main.stack());
        TaskTree.TaskInfo sleeper = t.task("sleeper").orElseThrow();
        assertEquals("sleep until 10.000", sleeper.awaiting());
        assertEquals(List.of(1), sleeper.awaitedBy());
        assertEquals("sleeper", sleeper.stack().get(0).getMethodName());
        assertEquals("<Future pending>", t.task("waiter").orElseThrow().awaiting());
        assertEquals("running", t.task("inspector").orElseThrow().state());
        assertEquals(t.format(), printed[0]);
        String nl = System.lineSeparator();
        assertEquals("4 task(s) at loop time 1.000" + nl
                + "├── (T) Task-1 [waiting]" + nl
                + "│   └── main main.java:1" + nl
                + "│       ├── (T) sleeper [waiting]" + nl
                + "│       │   └── sleeper sleeper.java:1" + nl
                + "│       │       └── sleep" + nl
                + "│       │           └── awaiting sleep until 10.000" + nl
                + "│       └── (T) waiter [waiting]" + nl
                + "│           └── waiter waiter.java:1" + nl
                + "│               └── awaiting <Future pending>" + nl
                + "└── (T) inspector [running]" + nl
                + "    └── inspector inspector.java:1" + nl
                + "        └── sleep" + nl, printed[0]);
    }

    @Test
    void theTasksOfATaskGroupAreAwaitedByTheTaskRunningTheGroup() {
        TaskTree[] tree = new TaskTree[1];
        run(coro("main", v -> awaiting(taskGroup(tg -> coro("body", w -> {
            tg.createTask(coro("kid", x -> awaiting(sleep(5)), x -> null), "kid");
            tg.createTask(coro("look", x -> {
                tree[0] = Asyncio.taskTree();
                return null;
            }), "look");
            return null;
        }))), v -> null));
        TaskTree.TaskInfo main = tree[0].task("Task-1").orElseThrow();
        TaskTree.TaskInfo kid = tree[0].task("kid").orElseThrow();
        assertTrue(main.awaits().contains(kid.id()), tree[0].format());
        assertEquals(List.of(main.id()), kid.awaitedBy());
    }

    /** The group's body awaits something else while a child runs: a tree taken then. */
    @Async
    private static Coroutine<TaskTree> treeWhileTheBodyAwaits() {
        return Coroutine.of(await(taskGroup(tg -> {
            tg.createTask(sleep(0.1), "kid");
            await(sleep(0)); // the kid starts and sleeps; the body is parked on its own sleep, not on the group
            return Coroutine.of(Asyncio.taskTree());
        })));
    }

    @Test
    void aTaskGroupsChildrenAreAwaitedByItsTaskWhileTheBodyRunsToo() {
        TaskTree tree = run(treeWhileTheBodyAwaits());
        TaskTree.TaskInfo main = tree.task("Task-1").orElseThrow();
        TaskTree.TaskInfo kid = tree.task("kid").orElseThrow();
        assertTrue(main.awaits().contains(kid.id()), tree.format());
        assertEquals(List.of(main.id()), kid.awaitedBy());
    }

    @Test
    void aTaskTreeIsForTheLoopsThreadOnly() throws Exception {
        EventLoop loop = new EventLoop();
        CountDownLatch running = new CountDownLatch(1);
        Future<Void> stop = loop.createFuture();
        Thread t = new Thread(() -> loop.runUntilComplete(createTaskOn(loop, running, stop)));
        t.start();
        try {
            assertTrue(running.await(10, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class, loop::taskTree);
            assertTrue(e.getMessage().contains("MBean"), e.getMessage());
        } finally {
            loop.callSoonThreadsafe(() -> stop.setResult(null));
            t.join(10_000);
            loop.close();
        }
    }

    @Test
    void aLoopInDebugModeServesItsTaskTreeThroughJmxUntilItIsClosed() throws Exception {
        EventLoop loop = new EventLoop();
        loop.setDebug(true);
        ObjectName name = new ObjectName("dev.jasyncio:type=EventLoop,name=" + loop.name());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        assertTrue(server.isRegistered(name));
        CountDownLatch running = new CountDownLatch(1);
        Future<Void> stop = loop.createFuture();
        Thread t = new Thread(() -> loop.runUntilComplete(createTaskOn(loop, running, stop)), "the-loop");
        t.start();
        try {
            assertTrue(running.await(10, TimeUnit.SECONDS));
            String text = (String) server.invoke(name, "taskTree", null, null);
            assertTrue(text.contains("(T) blocked [waiting]"), text);
            assertTrue(text.contains("created at TaskTreeTest.java:"), text);
            assertEquals(1, server.getAttribute(name, "TaskCount"));
            assertEquals("the-loop", server.getAttribute(name, "ThreadName"));
            assertEquals(true, server.getAttribute(name, "Debug"));
        } finally {
            loop.callSoonThreadsafe(() -> stop.setResult(null));
            t.join(10_000);
        }
        assertFalse(t.isAlive());
        assertNotNull(server.invoke(name, "taskTree", null, null)); // not running: read directly
        loop.close();
        assertFalse(server.isRegistered(name));
    }

    /** A task named "blocked" that signals {@code running} and waits for {@code stop}. */
    private static Task<Object> createTaskOn(EventLoop loop, CountDownLatch running, Future<Void> stop) {
        return loop.createTask(coro("blocked", v -> {
            running.countDown();
            return awaiting(stop);
        }, v -> null), "blocked");
    }
}
