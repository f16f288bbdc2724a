package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long the loop waits, and how much work one iteration takes on: far timers must not turn the wait into a
 * spin, and a flood of thread-safe calls must not hold back timers that are due.
 */
class LoopWaitTest extends TestBase {

    private static final long DAY_NANOS = 86_400L * 1_000_000_000L;

    @Test
    void theWaitIsWholeMillisecondsRoundedUpAndAtMostADayAsAsyncio() {
        assertEquals(1_000_000L, EventLoop.waitNanos(1e-9));
        assertEquals(2_000_000L, EventLoop.waitNanos(0.0011));
        assertEquals(1_000_000_000L, EventLoop.waitNanos(1.0));
        // asyncio's MAXIMUM_SELECT_TIMEOUT: a farther timer costs one more iteration a day, never an overflow.
        assertEquals(DAY_NANOS, EventLoop.waitNanos(86_400.0));
        assertEquals(DAY_NANOS, EventLoop.waitNanos(1e10));
        assertEquals(DAY_NANOS, EventLoop.waitNanos(Double.MAX_VALUE));
        assertEquals(DAY_NANOS, EventLoop.waitNanos(Double.POSITIVE_INFINITY));
    }

    @Test
    @Timeout(20)
    void sleepingForeverParksTheLoopInsteadOfSpinning() throws Exception {
        assertParkedWhile(loop -> loop.createTask(coro("forever", v -> awaiting(sleep(Double.POSITIVE_INFINITY)))));
    }

    @Test
    @Timeout(20)
    void aTimerTenBillionSecondsAwayParksTheLoopInsteadOfSpinning() throws Exception {
        assertParkedWhile(loop -> {
            loop.callLater(1e10, () -> { });
            return loop.createTask(coro("forever", v -> awaiting(loop.createFuture())));
        });
    }

    /**
     * Runs the task {@code start} makes on a loop of its own thread and samples that thread's state for a while: a
     * loop waiting for a far timer is parked (WAITING), one that miscomputes its wait is RUNNABLE all the time.
     */
    private static void assertParkedWhile(java.util.function.Function<EventLoop, Task<?>> start) throws Exception {
        EventLoop loop = new EventLoop();
        AtomicReference<Task<?>> task = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread runner = new Thread(() -> {
            try {
                Task<?> t = start.apply(loop);
                task.set(t);
                loop.callSoon(started::countDown);
                loop.runUntilComplete(t);
            } catch (CancelledError expected) {
                // how the test ends it
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                started.countDown();
                loop.close();
            }
        }, "parked-loop");
        runner.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.sleep(50);
        int runnable = 0;
        List<Thread.State> states = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Thread.State s = runner.getState();
            states.add(s);
            if (s == Thread.State.RUNNABLE) {
                runnable++;
            }
            Thread.sleep(5);
        }
        loop.callSoonThreadsafe(() -> task.get().cancel());
        runner.join(10_000);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        // A parked thread is seen RUNNABLE only in the instants it wakes; a spinning one always is.
        assertTrue(runnable <= 8, "the loop thread was RUNNABLE in " + runnable + " of 40 samples: " + states);
    }

    @Test
    void aNegativeDelayFiresOnTheNextIterationAsAsyncio() {
        List<String> order = new ArrayList<>();
        run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            loop.callLater(0, () -> order.add("zero"));
            loop.callLater(-1, () -> order.add("minus one"));
            loop.callSoon(() -> order.add("soon"));
            return awaiting(sleep(0.001));
        }));
        // asyncio: call_later(-1) is due at once; the ready callback runs first, then the due timers by deadline.
        assertEquals(List.of("soon", "minus one", "zero"), order);
    }

    @Test
    void aNaNTimeoutFailsAtItsAwaitAndTheLoopLives() {
        // asyncio 3.13 schedules the NaN deadline, and its selector then fails with "cannot convert float NaN to
        // integer" out of run_forever: the loop dies. Here the await fails and the task goes on.
        Throwable[] seen = new Throwable[1];
        Object r = run(coro("main", v -> awaiting(Asyncio.waitFor(sleep(0.01), Double.NaN)),
                dev.jasyncio.testing.Coro.catching((v, e) -> {
                    seen[0] = e;
                    return awaiting(sleep(0.01, "alive"));
                })));
        assertTrue(seen[0] instanceof IllegalArgumentException, String.valueOf(seen[0]));
        assertEquals("alive", r);
    }

    @Test
    void aNaNDeadlineIsRefusedWhereAsyncioWouldBreakItsLoop() {
        EventLoop loop = new EventLoop();
        try {
            assertThrows(IllegalArgumentException.class, () -> loop.callLater(Double.NaN, () -> { }));
            assertThrows(IllegalArgumentException.class, () -> loop.callAt(Double.NaN, () -> { }));
        } finally {
            loop.close();
        }
    }

    @Test
    void aDueTimerIsNotHeldBehindTheWholeBacklogOfThreadSafeCalls() {
        int backlog = 100_000;
        int[] ran = new int[1];
        int[] ranWhenTheTimerFired = {-1};
        run(coro("main", v -> {
            EventLoop loop = getRunningLoop();
            for (int i = 0; i < backlog; i++) {
                loop.callSoonThreadsafe(() -> ran[0]++);
            }
            loop.callLater(0, () -> ranWhenTheTimerFired[0] = ran[0]);
            return awaiting(sleep(1));
        }));
        assertEquals(backlog, ran[0]);
        // Producers on other threads may outpace the loop forever: each iteration takes on a bounded batch of
        // their calls, so timers and I/O keep their turn.
        assertTrue(ranWhenTheTimerFired[0] >= 0 && ranWhenTheTimerFired[0] < 10_000,
                "the due timer fired after " + ranWhenTheTimerFired[0] + " thread-safe callbacks");
    }
}
