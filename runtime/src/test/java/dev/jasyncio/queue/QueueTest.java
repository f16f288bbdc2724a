package dev.jasyncio.queue;

import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.QueueEmpty;
import dev.jasyncio.QueueFull;
import dev.jasyncio.QueueShutDown;
import dev.jasyncio.Task;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Queue}, {@link LifoQueue}, {@link PriorityQueue}, against asyncio's queues. */
class QueueTest extends TestBase {

    private <T> Coroutine<Void> getter(Queue<T> q, String name) {
        return coro("getter", v -> awaiting(q.get()), catching((v, e) -> {
            if (e instanceof CancelledError) {
                say(name, "cancelled");
            } else if (e instanceof QueueShutDown) {
                say(name, repr(e));
                return null;
            } else if (e == null) {
                say(name, "got", v);
            }
            return rethrow(e, null);
        }));
    }

    private <T> Coroutine<Void> putter(Queue<T> q, String name, T item) {
        return coro("putter", v -> awaiting(q.put(item)), catching((v, e) -> {
            if (e instanceof QueueShutDown) {
                say(name, repr(e));
                return null;
            }
            rethrow(e, null);
            say(name, "put", item);
            return null;
        }));
    }

    /** cpython/queue_basics.py */
    @Test
    void fifoBoundsWaitersInOrderAndJoin() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw
        Queue<Object>[] q = new Queue[1];
        List<Task<Void>> tasks = new ArrayList<>();
        Task<?>[] consumer = new Task<?>[1];
        run(coro("main", v -> {
            q[0] = new Queue<>(2);
            Queue<Object> queue = q[0];
            say(queue.maxsize(), queue.qsize(), queue.empty(), queue.full());
            say(repr(assertThrows(QueueEmpty.class, queue::getNowait)));
            queue.putNowait(1);
            queue.putNowait(null);
            say(queue.qsize(), queue.full());
            say(repr(assertThrows(QueueFull.class, () -> queue.putNowait(3))));
            tasks.add(createTask(putter(queue, "p3", 3)));
            tasks.add(createTask(putter(queue, "p4", 4)));
            return awaiting(sleep(0));
        }, v -> {
            Queue<Object> queue = q[0];
            say("putters waiting; qsize", queue.qsize());
            say(queue.getNowait(), queue.getNowait());
            return awaiting(sleep(0));
        }, v -> {
            say("after two gets: qsize", q[0].qsize());
            return awaiting(gather(tasks));
        }, v -> {
            Queue<Object> queue = q[0];
            say(queue.getNowait(), queue.getNowait(), queue.empty());
            for (int i = 0; i < 4; i++) {
                queue.taskDone();
            }
            return awaiting(queue.join());
        }, v -> {
            say("4 task_done calls for 4 items: join returns at once");
            IllegalStateException e = assertThrows(IllegalStateException.class, q[0]::taskDone);
            say("ValueError('" + e.getMessage() + "')");
            q[0] = new Queue<>();
            tasks.clear();
            for (int i = 0; i < 3; i++) {
                tasks.add(createTask(getter(q[0], "g" + i)));
            }
            return awaiting(sleep(0));
        }, v -> {
            for (String item : List.of("a", "b", "c")) {
                q[0].putNowait(item);
            }
            return awaiting(gather(tasks));
        }, v -> {
            Queue<Object> q2 = new Queue<>(1);
            q[0] = q2;
            Object[] item = new Object[1];
            consumer[0] = createTask(coro("consumer", x -> awaiting(q2.get()), x -> {
                item[0] = x;
                return awaiting(sleep(0.01));
            }, x -> {
                say("processed", item[0]);
                q2.taskDone();
                return awaiting(q2.get(), 1);
            }));
            return awaiting(q2.put(0));
        }, v -> awaiting(q[0].put(1)), v -> awaiting(q[0].put(2)), v -> awaiting(q[0].join()), v -> {
            say("joined");
            consumer[0].cancel();
            return null;
        }));
        assertOutput("queue_basics");
    }

    /** cpython/queue_cancelled_get.py */
    @Test
    void aCancelledGetNeverLosesAnItem() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw
        Queue<String>[] q = new Queue[1];
        Task<?>[] g = new Task<?>[2];
        run(coro("main", v -> {
            q[0] = new Queue<>();
            g[0] = createTask(getter(q[0], "g1"));
            g[1] = createTask(getter(q[0], "g2"));
            return awaiting(sleep(0));
        }, v -> {
            q[0].putNowait("item");
            g[0].cancel();
            return awaiting(sleep(0));
        }, v -> awaiting(sleep(0)), v -> {
            say("qsize", q[0].qsize(), "g2 done:", g[1].done());
            q[0] = new Queue<>();
            g[0] = createTask(getter(q[0], "g3"));
            return awaiting(sleep(0));
        }, v -> {
            g[0].cancel();
            return awaiting(sleep(0));
        }, v -> {
            q[0].putNowait("kept");
            say("qsize", q[0].qsize(), q[0].getNowait());
            return null;
        }));
        assertOutput("queue_cancelled_get");
    }

    /** cpython/queue_shutdown.py */
    @Test
    void shutdownWakesEveryoneDrainsThenFailsAndImmediateReleasesJoin() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw
        Queue<Object>[] q = new Queue[1];
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            q[0] = new Queue<>();
            t[0] = createTask(getter(q[0], "getter"));
            return awaiting(sleep(0));
        }, v -> {
            q[0].shutdown();
            return awaiting(t[0]);
        }, v -> {
            Queue<Object> queue = new Queue<>();
            q[0] = queue;
            queue.putNowait(1);
            queue.putNowait(2);
            queue.shutdown();
            say("put_nowait", repr(assertThrows(QueueShutDown.class, () -> queue.putNowait(3))));
            return awaiting(queue.get());
        }, v -> {
            say(v, q[0].getNowait());
            return awaiting(q[0].get());
        }, catching((v, e) -> {
            say("drained get", repr(e));
            Queue<Object> full = new Queue<>(1);
            q[0] = full;
            full.putNowait("only");
            t[0] = createTask(putter(full, "putter", "x"));
            return awaiting(sleep(0));
        }), v -> {
            q[0].shutdown();
            return awaiting(t[0]);
        }, v -> {
            Queue<Object> queue = new Queue<>();
            q[0] = queue;
            for (int i = 0; i < 3; i++) {
                queue.putNowait(i);
            }
            queue.getNowait();
            t[0] = createTask(queue.join());
            return awaiting(sleep(0));
        }, v -> {
            q[0].shutdown(true);
            say("qsize", q[0].qsize());
            say("immediate", repr(assertThrows(QueueShutDown.class, q[0]::getNowait)));
            return awaiting(sleep(0));
        }, v -> {
            say("join waiting on the item taken out:", !t[0].done());
            q[0].taskDone();
            return awaiting(t[0]);
        }, v -> {
            say("joined");
            return null;
        }));
        assertOutput("queue_shutdown");
    }

    /** A job with a priority, compared on it alone, as the Python snippet's {@code Job}. */
    private static final class Job {
        final int prio;
        final String name;

        Job(int prio, String name) {
            this.prio = prio;
            this.name = name;
        }
    }

    /** cpython/queue_kinds.py */
    @Test
    void lifoAndPriorityOrdersMatchHeapqEvenForEqualPriorities() {
        run(coro("main", v -> {
            LifoQueue<Integer> lq = new LifoQueue<>();
            for (int i = 0; i < 4; i++) {
                lq.putNowait(i);
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                out.add(lq.getNowait());
            }
            say(out);
            PriorityQueue<Integer> pq = new PriorityQueue<>();
            for (int item : new int[] {5, 1, 4, 1, 3, 9, 2, 6, 5, 3}) {
                pq.putNowait(item);
            }
            out.clear();
            for (int i = 0; i < 10; i++) {
                out.add(pq.getNowait());
            }
            say(out);
            PriorityQueue<Job> jobs = new PriorityQueue<>(0, Comparator.comparingInt((Job j) -> j.prio));
            String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
            int[] prios = {2, 1, 2, 1, 2, 1, 2, 3, 1};
            for (int i = 0; i < names.length; i++) {
                jobs.putNowait(new Job(prios[i], names[i]));
            }
            List<String> order = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                order.add(jobs.getNowait().name);
            }
            say(order);
            return null;
        }));
        assertOutput("queue_kinds");
    }
}
