/**
 * Python's asyncio in Java: the event loop ({@link dev.jasyncio.EventLoop}), coroutines, futures, tasks, task groups,
 * timeouts, shields, context variables and the functions of {@link dev.jasyncio.Asyncio}, which code imports
 * statically ({@code await}, {@code sleep}, {@code gather}, {@code run}, ...). Behaviour follows CPython's asyncio
 * line for line where the two can be compared: the order callbacks run in, what cancellation delivers and when, the
 * messages of errors and warnings. Classes not declared public are the loop's machinery.
 */
package dev.jasyncio;
