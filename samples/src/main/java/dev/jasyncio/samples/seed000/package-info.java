/**
 * The examples of seed 000 (a Russian tutorial): creating and naming tasks, {@code gather} with and without
 * exceptions, task groups, a task's state and result, done callbacks, a producer and consumer over a queue, and a
 * pool that limits how many tasks run at once. Each class's javadoc names the section it ports.
 */
package dev.jasyncio.samples.seed000;
