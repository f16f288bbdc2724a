package dev.jasyncio.testing;

import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;
import static dev.jasyncio.testing.AsyncTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@link AsyncTest} with real async methods: virtual time makes hours of sleeping and timeouts instant. */
class VirtualTimeTest {

    private final List<String> fired = new ArrayList<>();

    /** The whole test, loop included, has one second of real time. */
    @AsyncTest(timeout = 1)
    @Async
    Coroutine<Void> anHourOfSleepTakesLessThanASecond() {
        long start = System.nanoTime();
        EventLoop loop = getRunningLoop();
        await(sleep(3600));
        assertEquals(3600.0, loop.time());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) + " ns");
        return Coroutine.of(null);
    }

    @AsyncTest
    @Async
    Coroutine<Void> timersFireInDeadlineOrderAndSleepersWakeInOrder() {
        EventLoop loop = getRunningLoop();
        loop.callLater(30, () -> fired.add("timer 30"));
        loop.callLater(10, () -> fired.add("timer 10"));
        await(gather(sleeper(20), sleeper(5), sleeper(40)));
        assertEquals(List.of("slept 5", "timer 10", "slept 20", "timer 30", "slept 40"), fired);
        assertEquals(40.0, loop.time());
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Void> sleeper(double seconds) {
        await(sleep(seconds));
        fired.add("slept " + (int) seconds);
        return Coroutine.of(null);
    }

    @AsyncTest
    @Async
    Coroutine<Void> waitForTimesOutWithoutWaiting() {
        try {
            await(waitFor(sleep(600), 300));
            fail("no timeout");
        } catch (TimeoutError expected) {
            assertEquals(300.0, getRunningLoop().time());
        }
        return Coroutine.of(null);
    }

    @Test
    void runTestGivesAPlainTestTheSameLoop() {
        double t = runTest(() -> {
            await(sleep(120));
            return Coroutine.of(getRunningLoop().time());
        });
        assertEquals(120.0, t);
    }
}
