/**
 * asyncio's queues: {@link dev.jasyncio.queue.Queue} (first in, first out), {@link dev.jasyncio.queue.LifoQueue} and
 * {@link dev.jasyncio.queue.PriorityQueue}, bounded or not, with awaitable {@code get} and {@code put}, {@code join}
 * and {@code taskDone}, and {@code shutdown} as in Python 3.13. Waiters are served in the order they came.
 */
package dev.jasyncio.queue;
