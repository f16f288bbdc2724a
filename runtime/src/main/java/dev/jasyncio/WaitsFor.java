package dev.jasyncio;

import java.util.Collection;

/**
 * A future or a library coroutine that waits for several others ({@code gather}, a task group, {@code wait}):
 * lets a task tree show the tasks behind it, as Python 3.14's "awaited by" links do.
 */
interface WaitsFor {

    /** The futures waited for; some may be done. */
    Collection<? extends Future<?>> waitsFor();
}
