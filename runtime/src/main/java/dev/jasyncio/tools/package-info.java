/**
 * Looking at a running program from outside: each event loop's JMX view, {@link dev.jasyncio.tools.EventLoopMXBean}
 * (registered in debug mode or with {@code -Djasyncio.jmx=true}), and {@link dev.jasyncio.tools.TaskTreeCli}, which
 * attaches to another JVM and prints the task trees of its loops, as Python's {@code python -m asyncio pstree}.
 */
package dev.jasyncio.tools;
