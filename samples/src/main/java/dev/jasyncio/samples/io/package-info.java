/**
 * Samples that do real I/O on the loop: concurrent downloads and a small HTTP client over streams, an echo server,
 * JDBC queries run on threads while the loop waits for them, and the lines of a child process read as they come
 * ({@link dev.jasyncio.samples.io.Ticker} is that child).
 */
package dev.jasyncio.samples.io;
