package dev.jasyncio.benchmarks.harness;

import java.util.List;

/**
 * One workload as the harness runs it: which implementations, how many repetitions per process (the first
 * {@code warmups} of which are discarded), and which figures it produces.
 */
final class Job {

    /** Workload name passed to {@link Runner}. */
    final String workload;
    /** Implementations that run it, in table order. */
    final List<Impl> impls;
    /** Repetitions per process in the default mode. */
    final int reps;
    /** Leading repetitions not counted. */
    final int warmups;
    /** Processes per implementation, or 0 for the harness-wide setting. */
    final int processes;
    /** The heap options of its processes ({@code -Xmx...}, and whatever else its figures need). */
    final List<String> heap;
    /** Figures it reports. */
    final List<Metric> metrics;

    Job(String workload, List<Impl> impls, int reps, int warmups, int processes, List<String> heap,
            List<Metric> metrics) {
        this.workload = workload;
        this.impls = impls;
        this.reps = reps;
        this.warmups = warmups;
        this.processes = processes;
        this.heap = heap;
        this.metrics = metrics;
    }
}
