/**
 * The examples of seed 001 (a Russian tutorial): {@code say_after} run as tasks, {@code gather} and
 * {@code wait} over them, cancelling a long-running task, and a task's exception. Its two I/O examples are in
 * {@code dev.jasyncio.samples.io}. Each class's javadoc names the section it ports.
 */
package dev.jasyncio.samples.seed001;
