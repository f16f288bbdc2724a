package dev.jasyncio.benchmarks.common;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap measurement for the memory workloads: used heap after full collections, read from the MemoryMXBean. */
public final class Heap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    /** Bytes of heap in use after the collector has run until the figure settles (at most five collections). */
    public static long usedAfterGc() {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = MEMORY.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
