package dev.jasyncio.conformance;

import dev.jasyncio.BrokenBarrierError;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.QueueEmpty;
import dev.jasyncio.QueueFull;
import dev.jasyncio.QueueShutDown;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.queue.Queue;
import dev.jasyncio.sync.Barrier;
import dev.jasyncio.sync.BoundedSemaphore;
import dev.jasyncio.sync.Condition;
import dev.jasyncio.sync.Event;
import dev.jasyncio.sync.Lock;
import dev.jasyncio.sync.Semaphore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.sleep;

/** Queues and synchronization primitives as users write them, against the CPython programs. */
class PrimitivesConformanceTest extends ConformanceBase {

    @Async
    <T> Coroutine<Void> getter(Queue<T> q, String name) {
        T item = await(q.get());
        say(name, "got", item);
        return Coroutine.of(null);
    }

    @Async
    <T> Coroutine<Void> putter(Queue<T> q, String name, T item) {
        await(q.put(item));
        say(name, "put", item);
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> consumer(Queue<Integer> q) {
        while (true) {
            int item = await(q.get());
            await(sleep(0.01));
            say("processed", item);
            q.taskDone();
        }
    }

    @Async
    Coroutine<Void> queueBasics() {
        Queue<Object> q = new Queue<>(2);
        say(q.maxsize(), q.qsize(), q.empty(), q.full());
        try {
            q.getNowait();
        } catch (QueueEmpty e) {
            say(repr(e));
        }
        q.putNowait(1);
        q.putNowait(null);
        say(q.qsize(), q.full());
        try {
            q.putNowait(3);
        } catch (QueueFull e) {
            say(repr(e));
        }
        List<Task<Void>> ps = List.of(createTask(putter(q, "p3", 3)), createTask(putter(q, "p4", 4)));
        await(sleep(0));
        say("putters waiting; qsize", q.qsize());
        say(q.getNowait(), q.getNowait());
        await(sleep(0));
        say("after two gets: qsize", q.qsize());
        await(gather(ps));
        say(q.getNowait(), q.getNowait(), q.empty());
        for (int i = 0; i < 4; i++) {
            q.taskDone();
        }
        await(q.join());
        say("4 task_done calls for 4 items: join returns at once");
        try {
            q.taskDone();
        } catch (IllegalStateException e) {
            say("ValueError('" + e.getMessage() + "')");
        }
        Queue<String> letters = new Queue<>();
        List<Task<Void>> gs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            gs.add(createTask(getter(letters, "g" + i)));
        }
        await(sleep(0));
        for (String item : List.of("a", "b", "c")) {
            letters.putNowait(item);
        }
        await(gather(gs));
        Queue<Integer> q2 = new Queue<>(1);
        Task<Void> c = createTask(consumer(q2));
        for (int i = 0; i < 3; i++) {
            await(q2.put(i));
        }
        await(q2.join());
        say("joined");
        c.cancel();
        return Coroutine.of(null);
    }

    /** cpython/queue_basics.py */
    @Test
    void queueProducersAndConsumers() {
        run(queueBasics());
        assertOutput("queue_basics");
    }

    @Async
    Coroutine<Void> blockedGet(Queue<Object> q, String name) {
        try {
            await(q.get());
        } catch (QueueShutDown e) {
            say(name, repr(e));
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> blockedPut(Queue<Object> q, String name) {
        try {
            await(q.put("x"));
        } catch (QueueShutDown e) {
            say(name, repr(e));
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> shutdownMain() {
        Queue<Object> q = new Queue<>();
        Task<Void> g = createTask(blockedGet(q, "getter"));
        await(sleep(0));
        q.shutdown();
        await(g);
        Queue<Object> q1 = new Queue<>();
        q1.putNowait(1);
        q1.putNowait(2);
        q1.shutdown();
        try {
            q1.putNowait(3);
        } catch (QueueShutDown e) {
            say("put_nowait", repr(e));
        }
        say(await(q1.get()), q1.getNowait());
        try {
            await(q1.get());
        } catch (QueueShutDown e) {
            say("drained get", repr(e));
        }
        Queue<Object> full = new Queue<>(1);
        full.putNowait("only");
        Task<Void> p = createTask(blockedPut(full, "putter"));
        await(sleep(0));
        full.shutdown();
        await(p);
        Queue<Object> q3 = new Queue<>();
        for (int i = 0; i < 3; i++) {
            q3.putNowait(i);
        }
        q3.getNowait();
        Task<Void> j = createTask(q3.join());
        await(sleep(0));
        q3.shutdown(true);
        say("qsize", q3.qsize());
        try {
            q3.getNowait();
        } catch (QueueShutDown e) {
            say("immediate", repr(e));
        }
        await(sleep(0));
        say("join waiting on the item taken out:", !j.done());
        q3.taskDone();
        await(j);
        say("joined");
        return Coroutine.of(null);
    }

    /** cpython/queue_shutdown.py */
    @Test
    void queueShutdown() {
        run(shutdownMain());
        assertOutput("queue_shutdown");
    }

    @Async
    Coroutine<Void> lockWorker(Lock lock, String name) {
        await(lock.acquire());
        try {
            say(name, "acquired");
            await(sleep(0));
        } finally {
            lock.release();
            say(name, "released");
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> lockMain() {
        Lock lock = new Lock();
        say(lock.locked());
        await(lock.acquire());
        List<Task<Void>> tasks = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            tasks.add(createTask(lockWorker(lock, n)));
        }
        await(sleep(0));
        String r = lock.toString();
        say(r.substring(r.indexOf('[')));
        lock.release();
        say("released by main; locked:", lock.locked());
        tasks.add(createTask(lockWorker(lock, "late")));
        await(gather(tasks));
        await(lock.acquire());
        Task<Void> x = createTask(lockWorker(lock, "x"));
        Task<Void> y = createTask(lockWorker(lock, "y"));
        await(sleep(0));
        lock.release();
        x.cancel();
        await(gather(List.of(x, y), true));
        say("x cancelled:", x.cancelled(), "locked:", lock.locked());
        try {
            lock.release();
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        return Coroutine.of(null);
    }

    /** cpython/lock_fifo.py */
    @Test
    void lockFifo() {
        run(lockMain());
        assertOutput("lock_fifo");
    }

    private int n;

    @Async
    Coroutine<Void> evWaiter(Event ev, String name) {
        say(name, "waits");
        await(ev.await());
        say(name, "woke");
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> condWaiter(Condition cond, String name) {
        await(cond.acquire());
        try {
            say(name, "waits");
            await(cond.await());
            say(name, "notified");
        } finally {
            cond.release();
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> counter(Condition cond) {
        for (int i = 0; i < 3; i++) {
            await(sleep(0));
            await(cond.acquire());
            try {
                n++;
                say("n =", n);
                cond.signalAll();
            } finally {
                cond.release();
            }
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> eventConditionMain() {
        Event ev = new Event();
        List<Task<Void>> ws = new ArrayList<>();
        for (String name : List.of("e1", "e2")) {
            ws.add(createTask(evWaiter(ev, name)));
        }
        await(sleep(0));
        say(ev.isSet());
        ev.set();
        await(gather(ws));
        say(await(ev.await()), ev.isSet());
        ev.clear();
        say(ev.isSet());
        Condition cond = new Condition();
        ws.clear();
        for (int i = 0; i < 4; i++) {
            ws.add(createTask(condWaiter(cond, "c" + i)));
        }
        await(sleep(0));
        await(cond.acquire());
        try {
            cond.signal(2);
            say("notified 2");
        } finally {
            cond.release();
        }
        await(sleep(0));
        await(sleep(0));
        await(cond.acquire());
        try {
            cond.signalAll();
        } finally {
            cond.release();
        }
        await(gather(ws));
        try {
            await(cond.await());
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        try {
            cond.signal();
        } catch (IllegalStateException e) {
            say("RuntimeError('" + e.getMessage() + "')");
        }
        Task<Void> c = createTask(counter(cond));
        await(cond.acquire());
        try {
            say(await(cond.waitFor(() -> n >= 2)), n);
        } finally {
            cond.release();
        }
        await(c);
        return Coroutine.of(null);
    }

    /** cpython/event_condition.py */
    @Test
    void eventAndCondition() {
        run(eventConditionMain());
        assertOutput("event_condition");
    }

    @Async
    Coroutine<Void> semWorker(Semaphore sem, String name, double delay) {
        await(sem.acquire());
        try {
            say(name, "in");
            await(sleep(delay));
            say(name, "out");
        } finally {
            sem.release();
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> semaphoreMain() {
        Semaphore sem = new Semaphore(2);
        List<Coroutine<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(semWorker(sem, "w" + i, 0.05 * (i + 1)));
        }
        await(gather(workers));
        say(sem.locked());
        BoundedSemaphore b = new BoundedSemaphore(1);
        await(b.acquire());
        b.release();
        try {
            b.release();
        } catch (IllegalStateException e) {
            say("ValueError('" + e.getMessage() + "')");
        }
        Semaphore s = new Semaphore(0);
        say(s.locked());
        Task<Boolean> t1 = createTask(s.acquire());
        Task<Boolean> t2 = createTask(s.acquire());
        await(sleep(0));
        s.release();
        t1.cancel();
        await(sleep(0));
        await(sleep(0));
        say("t1 cancelled:", t1.cancelled(), "t2 got it:", t2.done() && t2.result());
        try {
            new Semaphore(-1);
        } catch (IllegalArgumentException e) {
            say("ValueError('" + e.getMessage() + "')");
        }
        return Coroutine.of(null);
    }

    /** cpython/semaphore.py */
    @Test
    void semaphores() {
        run(semaphoreMain());
        assertOutput("semaphore");
    }

    @Async
    Coroutine<Void> party(Barrier b, String name, double delay) {
        await(sleep(delay));
        say(name, "arrives; waiting:", b.nWaiting());
        try {
            int i = await(b.await());
            say(name, "passes with index", i);
        } catch (BrokenBarrierError e) {
            say(name, repr(e));
        }
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> barrierMain() {
        Barrier b = new Barrier(3);
        say(b.parties(), b.nWaiting(), b.broken());
        await(gather(party(b, "p0", 0), party(b, "p1", 0.01), party(b, "p2", 0.02)));
        await(gather(party(b, "q0", 0), party(b, "q1", 0.01), party(b, "q2", 0.02)));
        List<Task<Void>> t = List.of(createTask(party(b, "r0", 0)), createTask(party(b, "r1", 0)));
        await(sleep(0.01));
        await(b.reset());
        await(gather(t));
        say("after reset broken:", b.broken());
        t = List.of(createTask(party(b, "s0", 0)), createTask(party(b, "s1", 0)));
        await(sleep(0.01));
        await(b.abort());
        await(gather(t));
        say("broken:", b.broken());
        await(party(b, "late", 0));
        try {
            new Barrier(0);
        } catch (IllegalArgumentException e) {
            say("ValueError('" + e.getMessage() + "')");
        }
        return Coroutine.of(null);
    }

    /** cpython/barrier.py */
    @Test
    void barrier() {
        run(barrierMain());
        assertOutput("barrier");
    }
}
