package dev.jasyncio.tools;

/**
 * The JMX view of an event loop, registered as {@code dev.jasyncio:type=EventLoop,name=loop-N} by loops in debug
 * mode or in a JVM started with {@code -Djasyncio.jmx=true}, and unregistered when the loop is closed. jconsole shows
 * it under {@code dev.jasyncio}; {@link TaskTreeCli} prints the task trees of another process.
 */
public interface EventLoopMXBean {

    /**
     * The loop's task tree ({@code dev.jasyncio.TaskTree#format()}), taken on the loop's thread; if the loop does
     * not get to it within two seconds (a step is blocking it), the Java stack of its thread instead.
     */
    String taskTree();

    /** How many tasks are not done. */
    int getTaskCount();

    /** Whether the loop is running. */
    boolean isRunning();

    /** Whether the loop is in debug mode. */
    boolean isDebug();

    /** The name of the thread running the loop, or null when it is not running. */
    String getThreadName();
}
