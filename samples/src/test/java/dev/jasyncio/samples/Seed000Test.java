package dev.jasyncio.samples;

import dev.jasyncio.samples.seed000.AllTasks;
import dev.jasyncio.samples.seed000.BestPractices;
import dev.jasyncio.samples.seed000.CreateTask;
import dev.jasyncio.samples.seed000.DoneCallback;
import dev.jasyncio.samples.seed000.EnsureFuture;
import dev.jasyncio.samples.seed000.Gather;
import dev.jasyncio.samples.seed000.GatherExceptions;
import dev.jasyncio.samples.seed000.LimitedTaskPool;
import dev.jasyncio.samples.seed000.ProducerConsumer;
import dev.jasyncio.samples.seed000.TaskGroupErrors;
import dev.jasyncio.samples.seed000.TaskGroupWorkers;
import dev.jasyncio.samples.seed000.TaskNames;
import dev.jasyncio.samples.seed000.TaskResult;
import dev.jasyncio.samples.seed000.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static dev.jasyncio.samples.SampleRunner.sample;

/** Seed 000 (Russian): each example against CPython's output. */
@Execution(ExecutionMode.CONCURRENT)
class Seed000Test {

    @Test
    void createTask() {
        sample(CreateTask.class).verify();
    }

    @Test
    void ensureFuture() {
        sample(EnsureFuture.class).verify();
    }

    @Test
    void taskNames() {
        sample(TaskNames.class).verify();
    }

    @Test
    void parallelFetch() {
        sample(ParallelFetch.class, "seed000/ParallelFetch").timing("^Все задачи выполнены за ").verify();
    }

    @Test
    void gather() {
        sample(Gather.class).verify();
    }

    @Test
    void gatherExceptions() {
        sample(GatherExceptions.class).verify();
    }

    @Test
    void taskGroupWorkers() {
        sample(TaskGroupWorkers.class).verify();
    }

    @Test
    void taskGroupErrors() {
        sample(TaskGroupErrors.class).verify();
    }

    @Test
    void taskState() {
        sample(TaskState.class).verify();
    }

    @Test
    void taskResult() {
        sample(TaskResult.class).verify();
    }

    @Test
    void doneCallback() {
        sample(DoneCallback.class).verify();
    }

    @Test
    void allTasks() {
        sample(AllTasks.class).unordered("^  - Task-\\d+: done=").verify();
    }

    @Test
    void producerConsumer() {
        sample(ProducerConsumer.class).verify();
    }

    @Test
    void limitedTaskPool() {
        sample(LimitedTaskPool.class).verify();
    }

    @Test
    void bestPractices() {
        sample(BestPractices.class).verify();
    }
}
