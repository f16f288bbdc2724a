/**
 * The whole-process harness behind {@code benchmarks/run.sh}: every workload of every implementation in separate,
 * interleaved JVM processes, medians of warm repetitions, and the table, data files and chart it writes.
 */
package dev.jasyncio.benchmarks.harness;
