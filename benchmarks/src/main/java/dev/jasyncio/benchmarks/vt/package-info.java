/** The workloads written with virtual threads on one carrier: blocking calls where the other implementations await. */
package dev.jasyncio.benchmarks.vt;
