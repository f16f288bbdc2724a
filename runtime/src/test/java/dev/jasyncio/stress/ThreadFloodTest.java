package dev.jasyncio.stress;

import dev.jasyncio.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads posting {@code callSoonThreadsafe} as fast as they can, for longer than a timer's delay: the timer still
 * fires about on time, because each iteration takes on only a bounded batch of their calls. The producers stay at
 * most a fixed backlog ahead of the loop, so memory stays bounded whatever the machine's speed.
 */
class ThreadFloodTest {

    private static final int PRODUCERS = 4;
    private static final long MAX_BACKLOG = 200_000;

    @Test
    @Timeout(60)
    void aTimerFiresOnTimeWhileThreadsFloodTheLoop() throws Exception {
        EventLoop loop = new EventLoop();
        AtomicLong posted = new AtomicLong();
        AtomicLong executed = new AtomicLong();
        Runnable callback = executed::incrementAndGet;
        List<Thread> producers = new ArrayList<>();
        for (int i = 0; i < PRODUCERS; i++) {
            Thread t = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    if (posted.get() - executed.get() >= MAX_BACKLOG) {
                        // Parked, not spinning: on a 2-core machine spinners would take the loop's CPU.
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                        continue;
                    }
                    try {
                        loop.callSoonThreadsafe(callback);
                    } catch (IllegalStateException closed) {
                        return;
                    }
                    posted.incrementAndGet();
                }
            }, "flood-" + i);
            t.setDaemon(true);
            producers.add(t);
        }
        double[] lateness = {-1};
        long[] executedAtFire = new long[1];
        try {
            for (Thread t : producers) {
                t.start();
            }
            double delay = 0.3;
            double due = loop.time() + delay;
            loop.callAt(due, () -> {
                lateness[0] = loop.time() - due;
                executedAtFire[0] = executed.get();
                loop.callLater(0.2, loop::stop); // the flood goes on after the timer, for a while
            });
            loop.runForever();
        } finally {
            for (Thread t : producers) {
                t.interrupt();
            }
            for (Thread t : producers) {
                t.join(10_000);
            }
            loop.close();
        }
        assertTrue(executedAtFire[0] > 0, "the flood never reached the loop");
        // Generous: a loaded 2-core CI machine. Draining until empty made it many seconds under such a flood.
        assertTrue(lateness[0] >= 0 && lateness[0] < 1.0, "the 0.3 s timer was " + lateness[0] + " s late, "
                + posted.get() + " posted, " + executed.get() + " run");
    }
}
