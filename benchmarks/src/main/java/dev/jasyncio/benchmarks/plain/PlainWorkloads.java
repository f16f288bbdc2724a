package dev.jasyncio.benchmarks.plain;

import dev.jasyncio.benchmarks.common.Workloads;

/** The plain synchronous recursion W5 is measured against. */
public final class PlainWorkloads {

    private PlainWorkloads() {
    }

    /** W5 reference: fib(n) as plain recursive calls. */
    public static int w5Fib(int n) {
        return Workloads.fib(n);
    }
}
