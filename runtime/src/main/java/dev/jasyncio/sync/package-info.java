/**
 * asyncio's synchronization primitives for tasks of one loop: {@link dev.jasyncio.sync.Lock},
 * {@link dev.jasyncio.sync.Event}, {@link dev.jasyncio.sync.Condition}, {@link dev.jasyncio.sync.Semaphore},
 * {@link dev.jasyncio.sync.BoundedSemaphore} and {@link dev.jasyncio.sync.Barrier}. They are not thread-safe, as in
 * Python: they coordinate tasks, not threads, and bind to the loop that first makes them wait.
 */
package dev.jasyncio.sync;
