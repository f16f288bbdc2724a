/**
 * The examples of seed 003 (an English tutorial): what a task is, tasks against bare coroutines, {@code gather},
 * task groups, cancellation, {@code wait_for} and {@code wait} with their timeouts, {@code as_completed}, an
 * exception never retrieved, a producer and consumer, and a semaphore as a rate limit. Each class's javadoc names the
 * section it ports.
 */
package dev.jasyncio.samples.seed003;
