package dev.jasyncio.benchmarks.common;

/**
 * Sizes and inputs shared by every implementation, so that each runs exactly the same workload.
 */
public final class Workloads {

    /** W1: tasks spawned, each yielding once. */
    public static final int SPAWN_TASKS = 1_000_000;
    /** W2: tasks sleeping at the same time. */
    public static final int SLEEPING_TASKS = 1_000_000;
    /** W2: how long each task sleeps; far beyond the measurement, the tasks are cancelled afterwards. */
    public static final double SLEEP_SECONDS = 3600;
    /** W3a: suspensions of one task through the loop. */
    public static final int SWITCHES = 1_000_000;
    /** W3b: awaited calls that complete without suspending. */
    public static final int CALLS = 10_000_000;
    /** W4: round trips; each one is two messages. */
    public static final int ROUND_TRIPS = 500_000;
    /** W5: the argument of fib. */
    public static final int FIB_N = 27;
    /** Timers scheduled, then cancelled. */
    public static final int TIMERS = 1_000_000;

    private Workloads() {
    }

    /** W3b's callee result: stays within the boxing cache, so no implementation pays for boxing. */
    public static int next(int x) {
        return (x + 1) & 63;
    }

    /** Timer delays in seconds, in [3600, 7200), pseudo-random from a fixed seed: the same for every run. */
    public static double[] timerDelays(int n) {
        double[] d = new double[n];
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            d[i] = 3600 + ((seed >>> 11) * 0x1.0p-53) * 3600;
        }
        return d;
    }

    /** The same delays in whole milliseconds, for APIs that take milliseconds. */
    public static long[] timerDelaysMillis(int n) {
        double[] d = timerDelays(n);
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            ms[i] = (long) (d[i] * 1000);
        }
        return ms;
    }

    /** The plain synchronous recursion W5 is compared with. */
    public static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
