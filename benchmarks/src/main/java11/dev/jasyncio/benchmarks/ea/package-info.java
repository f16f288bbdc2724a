/** The workloads written with EA Async, whose own instrumenter the build runs over this package. */
package dev.jasyncio.benchmarks.ea;
