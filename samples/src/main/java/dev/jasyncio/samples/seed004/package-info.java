/**
 * The examples of seed 004 (a Russian tutorial): {@code run} as the entry point, tasks that progress while another
 * sleeps, the current task, and {@code gather} over coroutines, with random delays made reproducible. Each class's
 * javadoc names the section it ports.
 */
package dev.jasyncio.samples.seed004;
