/**
 * Demonstrations of the runtime's debugging tools: the task tree a loop reports for its running tasks, and the trace
 * of what a loop ran.
 */
package dev.jasyncio.samples.tools;
