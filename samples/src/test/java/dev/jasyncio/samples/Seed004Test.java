package dev.jasyncio.samples;

import dev.jasyncio.samples.seed004.CurrentTask;
import dev.jasyncio.samples.seed004.GatherCoroutines;
import dev.jasyncio.samples.seed004.GatherRandom;
import dev.jasyncio.samples.seed004.RunMain;
import dev.jasyncio.samples.seed004.TasksWhileSleeping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static dev.jasyncio.samples.SampleRunner.sample;

/** Seed 004 (Russian): each example against CPython's output. */
@Execution(ExecutionMode.CONCURRENT)
class Seed004Test {

    @Test
    void runMain() {
        sample(RunMain.class).verify();
    }

    /** Sleeps 30 s, as in the seed. */
    @Test
    void tasksWhileSleeping() {
        sample(TasksWhileSleeping.class).verify();
    }

    @Test
    void currentTask() {
        sample(CurrentTask.class).verify();
    }

    @Test
    void gatherCoroutines() {
        sample(GatherCoroutines.class).verify();
    }

    @Test
    void gatherRandom() {
        sample(GatherRandom.class).verify();
    }
}
