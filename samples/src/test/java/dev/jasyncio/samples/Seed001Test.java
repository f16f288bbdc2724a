package dev.jasyncio.samples;

import dev.jasyncio.samples.seed001.CancelLongRunning;
import dev.jasyncio.samples.seed001.GatherResults;
import dev.jasyncio.samples.seed001.GatherSayAfter;
import dev.jasyncio.samples.seed001.SayAfterTasks;
import dev.jasyncio.samples.seed001.TaskException;
import dev.jasyncio.samples.seed001.WaitSayAfter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static dev.jasyncio.samples.SampleRunner.sample;

/** Seed 001 (Russian): each example against CPython's output (aiohttp and asyncpg: see io/IoSamplesTest). */
@Execution(ExecutionMode.CONCURRENT)
class Seed001Test {

    @Test
    void sayAfterTasks() {
        sample(SayAfterTasks.class).verify();
    }

    @Test
    void gatherSayAfter() {
        sample(GatherSayAfter.class).verify();
    }

    @Test
    void cancelLongRunning() {
        sample(CancelLongRunning.class).verify();
    }

    @Test
    void waitSayAfter() {
        sample(WaitSayAfter.class).verify();
    }

    @Test
    void gatherResults() {
        sample(GatherResults.class).verify();
    }

    @Test
    void taskException() {
        sample(TaskException.class).verify();
    }
}
