/** The workloads written with plain {@code CompletableFuture} callbacks on one single-threaded executor. */
package dev.jasyncio.benchmarks.cf;
