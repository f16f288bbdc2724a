/**
 * JMH benchmarks of single workloads (a switch through the loop, the await fast path, spawning, timers, sleeping
 * tasks, recursion, the transformer) where a per-operation time is wanted rather than a whole process's.
 */
package dev.jasyncio.benchmarks.jmh;
