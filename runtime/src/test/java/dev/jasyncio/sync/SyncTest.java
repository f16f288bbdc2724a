package dev.jasyncio.sync;

import dev.jasyncio.BrokenBarrierError;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.queue.Queue;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

/** The synchronization primitives, against asyncio's {@code locks} module. */
class SyncTest extends TestBase {

    private Coroutine<Void> lockWorker(Lock lock, String name) {
        return coro("worker", v -> awaiting(lock.acquire()), v -> {
            say(name, "acquired");
            return awaiting(sleep(0));
        }, catching((v, e) -> {
            lock.release();
            say(name, "released");
            return rethrow(e, null);
        }));
    }

    /** cpython/lock_fifo.py */
    @Test
    void lockIsFifoWithoutBargingAndCancelledWaitersPassItOn() {
        Lock lock = new Lock();
        List<Task<Void>> tasks = new ArrayList<>();
        run(coro("main", v -> {
            say(lock.locked());
            return awaiting(lock.acquire());
        }, v -> {
            for (String n : List.of("a", "b", "c")) {
                tasks.add(createTask(lockWorker(lock, n)));
            }
            return awaiting(sleep(0));
        }, v -> {
            String r = lock.toString();
            say(r.substring(r.indexOf('[')));
            lock.release();
            say("released by main; locked:", lock.locked());
            tasks.add(createTask(lockWorker(lock, "late")));
            return awaiting(gather(tasks));
        }, v -> awaiting(lock.acquire()), v -> {
            tasks.clear();
            tasks.add(createTask(lockWorker(lock, "x")));
            tasks.add(createTask(lockWorker(lock, "y")));
            return awaiting(sleep(0));
        }, v -> {
            lock.release();
            tasks.get(0).cancel();
            return awaiting(gather(new ArrayList<>(tasks), true));
        }, v -> {
            say("x cancelled:", tasks.get(0).cancelled(), "locked:", lock.locked());
            IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
            say("RuntimeError('" + e.getMessage() + "')");
            return null;
        }));
        assertOutput("lock_fifo");
    }

    /** cpython/event_condition.py */
    @Test
    void eventWakesAllAndConditionSignalsInOrder() {
        Event ev = new Event();
        Condition cond = new Condition();
        List<Task<Void>> ws = new ArrayList<>();
        int[] n = {0};
        Task<?>[] counter = new Task<?>[1];
        run(coro("main", v -> {
            for (String name : List.of("e1", "e2")) {
                ws.add(createTask(coro("ev_waiter", x -> {
                    say(name, "waits");
                    return awaiting(ev.await());
                }, x -> {
                    say(name, "woke");
                    return null;
                })));
            }
            return awaiting(sleep(0));
        }, v -> {
            say(ev.isSet());
            ev.set();
            return awaiting(gather(ws));
        }, v -> awaiting(ev.await()), v -> {
            say(v, ev.isSet());
            ev.clear();
            say(ev.isSet());
            ws.clear();
            for (int i = 0; i < 4; i++) {
                String name = "c" + i;
                ws.add(createTask(coro("cond_waiter", x -> awaiting(cond.acquire()), x -> {
                    say(name, "waits");
                    return awaiting(cond.await());
                }, catching((x, e) -> {
                    if (e == null) {
                        say(name, "notified");
                    }
                    cond.release();
                    return rethrow(e, null);
                }))));
            }
            return awaiting(sleep(0));
        }, v -> awaiting(cond.acquire()), v -> {
            cond.signal(2);
            say("notified 2");
            cond.release();
            return awaiting(sleep(0));
        }, v -> awaiting(sleep(0)), v -> awaiting(cond.acquire()), v -> {
            cond.signalAll();
            cond.release();
            return awaiting(gather(ws));
        }, v -> awaiting(cond.await()), catching((v, e) -> {
            say("RuntimeError('" + e.getMessage() + "')");
            IllegalStateException err = assertThrows(IllegalStateException.class, cond::signal);
            say("RuntimeError('" + err.getMessage() + "')");
            counter[0] = createTask(coro("counter", x -> awaiting(sleep(0)), x -> awaiting(cond.acquire()), x -> {
                n[0]++;
                say("n =", n[0]);
                cond.signalAll();
                cond.release();
                return n[0] < 3 ? awaiting(sleep(0), 1) : null;
            }));
            return awaiting(cond.acquire());
        }), v -> awaiting(cond.waitFor(() -> n[0] >= 2)), v -> {
            say(v, n[0]);
            cond.release();
            return awaiting(counter[0]);
        }));
        assertOutput("event_condition");
    }

    /** cpython/semaphore.py */
    @Test
    void semaphoreIsFairBoundedOneRefusesExtraReleasesAndCancelledHoldersGiveBack() {
        Semaphore sem = new Semaphore(2);
        Task<?>[] t = new Task<?>[2];
        Semaphore[] s = new Semaphore[1];
        run(coro("main", v -> {
            List<Coroutine<Void>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "w" + i;
                double delay = 0.05 * (i + 1);
                workers.add(coro("worker", x -> awaiting(sem.acquire()), x -> {
                    say(name, "in");
                    return awaiting(sleep(delay));
                }, catching((x, e) -> {
                    sem.release();
                    rethrow(e, null);
                    say(name, "out");
                    return null;
                })));
            }
            return awaiting(gather(workers));
        }, v -> {
            say(sem.locked());
            return null;
        }));
        run(coro("main", v -> {
            BoundedSemaphore b = new BoundedSemaphore(1);
            s[0] = b;
            return awaiting(b.acquire());
        }, v -> {
            s[0].release();
            IllegalStateException e = assertThrows(IllegalStateException.class, s[0]::release);
            say("ValueError('" + e.getMessage() + "')");
            s[0] = new Semaphore(0);
            say(s[0].locked());
            t[0] = createTask(s[0].acquire());
            t[1] = createTask(s[0].acquire());
            return awaiting(sleep(0));
        }, v -> {
            s[0].release();
            t[0].cancel();
            return awaiting(sleep(0));
        }, v -> awaiting(sleep(0)), v -> {
            say("t1 cancelled:", t[0].cancelled(), "t2 got it:", t[1].done() && (Boolean) t[1].result());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
            say("ValueError('" + e.getMessage() + "')");
            return null;
        }));
        assertOutput("semaphore");
    }

    private Coroutine<Void> party(Barrier b, String name, double delay) {
        return coro("party", v -> awaiting(sleep(delay)), v -> {
            say(name, "arrives; waiting:", b.nWaiting());
            return awaiting(b.await());
        }, catching((v, e) -> {
            if (e instanceof BrokenBarrierError) {
                say(name, repr(e));
                return null;
            }
            rethrow(e, null);
            say(name, "passes with index", v);
            return null;
        }));
    }

    /** cpython/barrier.py */
    @Test
    void barrierRoundsIndicesResetAndAbort() {
        Barrier b = new Barrier(3);
        List<Coroutine<Void>> round = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        run(coro("main", v -> {
            say(b.parties(), b.nWaiting(), b.broken());
            for (int i = 0; i < 3; i++) {
                round.add(party(b, "p" + i, 0.01 * i));
            }
            return awaiting(gather(round));
        }, v -> {
            round.clear();
            for (int i = 0; i < 3; i++) {
                round.add(party(b, "q" + i, 0.01 * i));
            }
            return awaiting(gather(round));
        }, v -> {
            for (int i = 0; i < 2; i++) {
                tasks.add(createTask(party(b, "r" + i, 0)));
            }
            return awaiting(sleep(0.01));
        }, v -> awaiting(b.reset()), v -> awaiting(gather(tasks)), v -> {
            say("after reset broken:", b.broken());
            tasks.clear();
            for (int i = 0; i < 2; i++) {
                tasks.add(createTask(party(b, "s" + i, 0)));
            }
            return awaiting(sleep(0.01));
        }, v -> awaiting(b.abort()), v -> awaiting(gather(tasks)), v -> {
            say("broken:", b.broken());
            return awaiting(party(b, "late", 0));
        }, v -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
            say("ValueError('" + e.getMessage() + "')");
            return null;
        }));
        assertOutput("barrier");
    }

    private Coroutine<Void> condWaiter(Condition cond, String name) {
        return coro("waiter", v -> awaiting(cond.acquire()), v -> awaiting(cond.await()), catching((v, e) -> {
            if (e == null) {
                say(name, "notified");
            } else if (e instanceof CancelledError) {
                say(name, "cancelled; holds the lock again:", cond.locked());
            }
            cond.release();
            return rethrow(e, null);
        }));
    }

    private Coroutine<Void> queuePutter(Queue<String> q, String name, String item) {
        return coro("putter", v -> awaiting(q.put(item)), catching((v, e) -> {
            if (e instanceof CancelledError) {
                say(name, "cancelled");
            }
            rethrow(e, null);
            say(name, "put", item);
            return null;
        }));
    }

    /** cpython/condition_cancel.py */
    @Test
    void cancelledWaitersReacquireAndPassTheirWakeUpOn() {
        Condition cond = new Condition();
        Queue<String> q = new Queue<>(1);
        Task<?>[] t = new Task<?>[2];
        run(coro("main", v -> {
            t[0] = createTask(condWaiter(cond, "a"));
            t[1] = createTask(condWaiter(cond, "b"));
            return awaiting(sleep(0));
        }, v -> awaiting(cond.acquire()), v -> {
            cond.signal(1);
            t[0].cancel();
            cond.release();
            return awaiting(gather(List.of(t[0], t[1]), true));
        }, v -> {
            say("a cancelled:", t[0].cancelled(), "b done:", t[1].done());
            q.putNowait("first");
            t[0] = createTask(queuePutter(q, "p1", "x"));
            t[1] = createTask(queuePutter(q, "p2", "y"));
            return awaiting(sleep(0));
        }, v -> {
            say(q.getNowait());
            t[0].cancel();
            return awaiting(gather(List.of(t[0], t[1]), true));
        }, v -> {
            say(q.getNowait(), q.empty());
            return null;
        }));
        assertOutput("condition_cancel");
    }
}
