package dev.jasyncio.samples;

import dev.jasyncio.samples.seed002.GatherHttpCalls;
import dev.jasyncio.samples.seed002.NoRunningLoop;
import dev.jasyncio.samples.seed002.SerialAwait;
import dev.jasyncio.samples.seed002.WaitWithTimeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static dev.jasyncio.samples.SampleRunner.resource;
import static dev.jasyncio.samples.SampleRunner.sample;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002 (Chinese): each example against CPython's output. */
@Execution(ExecutionMode.CONCURRENT)
class Seed002Test {

    @Test
    void serialAwait() {
        sample(SerialAwait.class).timing("^All tasks completed in ").verify();
    }

    @Test
    void waitWithTimeout() {
        sample(WaitWithTimeout.class).unordered("^- t\\d ").verify();
    }

    @Test
    void gatherHttpCalls() {
        sample(GatherHttpCalls.class).timing("^Total time: ").verify();
    }

    /**
     * CPython prints nothing, fails with {@code RuntimeError: no running event loop} and warns that the coroutine
     * was never awaited; the port throws {@code IllegalStateException} with the same message and logs the warning.
     */
    @Test
    void noRunningLoop() throws InterruptedException {
        LogRecords.install();
        sample(NoRunningLoop.class).failsWith(IllegalStateException.class, "no running event loop").verify();

        String python = resource("/golden/seed002/NoRunningLoop.stderr.txt");
        assertTrue(python.contains("RuntimeError: no running event loop"), python);
        assertTrue(python.contains("RuntimeWarning: coroutine 'http_call' was never awaited"), python);
        assertTrue(LogRecords.awaitMessage("coroutine 'NoRunningLoop.httpCall' was never awaited"::equals, 5000),
                "the runtime should warn that the coroutine was never awaited");
    }
}
