/** The workloads written with jasyncio: {@code @Async} methods on one event loop, instrumented by the plugin. */
package dev.jasyncio.benchmarks.jasyncio;
