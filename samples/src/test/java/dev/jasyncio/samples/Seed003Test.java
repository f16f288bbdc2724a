package dev.jasyncio.samples;

import dev.jasyncio.samples.seed003.AsCompleted;
import dev.jasyncio.samples.seed003.AwaitTask;
import dev.jasyncio.samples.seed003.Cancellation;
import dev.jasyncio.samples.seed003.CreateTask;
import dev.jasyncio.samples.seed003.Gather;
import dev.jasyncio.samples.seed003.GatherReturnExceptions;
import dev.jasyncio.samples.seed003.ProducerConsumer;
import dev.jasyncio.samples.seed003.SemaphoreRateLimit;
import dev.jasyncio.samples.seed003.TaskGroupErrors;
import dev.jasyncio.samples.seed003.TaskGroupResults;
import dev.jasyncio.samples.seed003.TasksVsCoroutines;
import dev.jasyncio.samples.seed003.UnretrievedException;
import dev.jasyncio.samples.seed003.WaitFirstCompleted;
import dev.jasyncio.samples.seed003.WaitForTimeout;
import dev.jasyncio.samples.seed003.WhatIsATask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static dev.jasyncio.samples.SampleRunner.resource;
import static dev.jasyncio.samples.SampleRunner.sample;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 003 (English): each example against CPython's output. */
@Execution(ExecutionMode.CONCURRENT)
class Seed003Test {

    @Test
    void whatIsATask() {
        sample(WhatIsATask.class).verify();
    }

    @Test
    void createTask() {
        sample(CreateTask.class).verify();
    }

    @Test
    void tasksVsCoroutines() {
        sample(TasksVsCoroutines.class).timing("^(Sequential|Concurrent): ").verify();
    }

    @Test
    void awaitTask() {
        sample(AwaitTask.class).verify();
    }

    @Test
    void gather() {
        sample(Gather.class).verify();
    }

    @Test
    void gatherReturnExceptions() {
        sample(GatherReturnExceptions.class).verify();
    }

    @Test
    void taskGroupResults() {
        sample(TaskGroupResults.class).verify();
    }

    @Test
    void taskGroupErrors() {
        sample(TaskGroupErrors.class).verify();
    }

    @Test
    void cancellation() {
        sample(Cancellation.class).verify();
    }

    @Test
    void waitForTimeout() {
        sample(WaitForTimeout.class).verify();
    }

    @Test
    void waitFirstCompleted() {
        sample(WaitFirstCompleted.class).verify();
    }

    @Test
    void asCompleted() {
        sample(AsCompleted.class).verify();
    }

    /**
     * Nothing on stdout; CPython logs "Task exception was never retrieved" when the failed task is collected, and
     * so does the runtime, through the loop's exception handler.
     */
    @Test
    void unretrievedException() throws InterruptedException {
        LogRecords.install();
        sample(UnretrievedException.class).verify();

        String python = resource("/golden/seed003/UnretrievedException.stderr.txt");
        assertTrue(python.startsWith("Task exception was never retrieved"), python);
        assertTrue(LogRecords.awaitMessage(m -> m.startsWith("Task exception was never retrieved")
                        && m.contains("UnretrievedException.broken"), 10_000),
                "the runtime should report the task's exception as never retrieved once the task is collected");
    }

    @Test
    void producerConsumer() {
        sample(ProducerConsumer.class).verify();
    }

    @Test
    void semaphoreRateLimit() {
        sample(SemaphoreRateLimit.class).verify();
    }
}
