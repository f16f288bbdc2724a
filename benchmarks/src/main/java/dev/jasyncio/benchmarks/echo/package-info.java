/**
 * The echo benchmark: throughput and latency of a TCP echo server written with jasyncio, Netty and virtual threads,
 * each run in a process of its own while this one drives the connections, round after round.
 */
package dev.jasyncio.benchmarks.echo;
