/**
 * What every implementation shares: the workloads' sizes and inputs, the heap measurement, and for the
 * {@code CompletableFuture}-based ones a single-threaded loop and a bounded queue. Compiled for Java 11 so that EA
 * Async's instrumenter can read the classes next to them.
 */
package dev.jasyncio.benchmarks.common;
