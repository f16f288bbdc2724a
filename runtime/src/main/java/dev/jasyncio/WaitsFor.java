package dev.jasyncio;

import java.util.Collection;

/**
 * A future that waits for several others ({@code gather}'s, {@code wait}'s waiter): lets a task tree show the tasks
 * behind it, as Python 3.14's "awaited by" links do. (A task group's children are found through their done
 * callbacks instead, see {@link TaskGroup.ChildWatch}.)
 */
interface WaitsFor {

    /** The futures waited for; some may be done. */
    Collection<? extends Future<?>> waitsFor();
}
