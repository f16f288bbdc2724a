package dev.jasyncio.benchmarks.kotlin

import dev.jasyncio.benchmarks.common.Heap
import dev.jasyncio.benchmarks.common.Workloads
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * The workloads written with Kotlin coroutines in `runBlocking` on the calling thread: a single-threaded event
 * loop, `yield()` to switch, `delay` to sleep, `Channel(1)` as the queue.
 */
object KotlinWorkloads {

    /** W1: launches [n] coroutines that each yield once, then joins them all. */
    @JvmStatic
    fun w1Spawn(n: Int) = runBlocking {
        val jobs = arrayOfNulls<Job>(n)
        for (i in 0 until n) {
            jobs[i] = launch { yield() }
        }
        for (job in jobs) {
            job!!.join()
        }
    }

    /** W2: heap per coroutine, in bytes, while [n] coroutines are suspended in `delay`. */
    @JvmStatic
    fun w2SleepingHeap(n: Int): Double = runBlocking {
        val jobs = arrayOfNulls<Job>(n)
        val sleepMillis = (Workloads.SLEEP_SECONDS * 1000).toLong()
        val before = Heap.usedAfterGc()
        for (i in 0 until n) {
            jobs[i] = launch { delay(sleepMillis) }
        }
        yield()
        val after = Heap.usedAfterGc()
        for (job in jobs) {
            job!!.cancel()
        }
        (after - before).toDouble() / n
    }

    /** W3a: one coroutine yields to the loop [n] times. */
    @JvmStatic
    fun w3aSwitches(n: Int) = runBlocking {
        for (i in 0 until n) {
            yield()
        }
    }

    /** W3a': two coroutines yield [n] times in all, taking turns. */
    @JvmStatic
    fun w3aPairSwitches(n: Int) = runBlocking {
        val a = launch { repeat(n / 2) { yield() } }
        val b = launch { repeat(n - n / 2) { yield() } }
        a.join()
        b.join()
    }

    /** W3b's callee: could suspend, but returns at once for non-negative input. */
    @JvmStatic
    suspend fun step(x: Int): Int {
        if (x < 0) {
            yield()
        }
        return Workloads.next(x)
    }

    /** W3b: [n] calls of [step] that complete without suspending; returns the last result. */
    @JvmStatic
    fun w3bCalls(n: Int): Int = runBlocking {
        var s = 0
        for (i in 0 until n) {
            s = step(s)
        }
        s
    }

    /** W4: [n] round trips between two coroutines over two channels of capacity 1. */
    @JvmStatic
    fun w4PingPong(n: Int) = runBlocking {
        val ping = Channel<Int>(1)
        val pong = Channel<Int>(1)
        val a = launch {
            for (i in 0 until n) {
                ping.send(i and 63)
                pong.receive()
            }
        }
        val b = launch {
            for (i in 0 until n) {
                pong.send(ping.receive())
            }
        }
        a.join()
        b.join()
    }

    /** W5's recursion: each call suspends on its two recursive calls. */
    @JvmStatic
    suspend fun fib(n: Int): Int = if (n < 2) n else fib(n - 1) + fib(n - 2)

    /** W5: fib([n]) in `runBlocking`. */
    @JvmStatic
    fun w5Fib(n: Int): Int = runBlocking { fib(n) }

    /**
     * Timers: per delay, a coroutine started undispatched parks in `delay` (a delayed task in the loop's timer
     * heap), then all are cancelled, which removes their delayed tasks. Returns nanoseconds per
     * schedule-and-cancel and the heap still held per timer afterwards.
     */
    @JvmStatic
    fun timers(delaysMillis: LongArray, measureHeap: Boolean): DoubleArray = runBlocking {
        val n = delaysMillis.size
        val jobs = arrayOfNulls<Job>(n)
        val before = if (measureHeap) Heap.usedAfterGc() else 0L
        val t0 = System.nanoTime()
        for (i in 0 until n) {
            val d = delaysMillis[i]
            jobs[i] = launch(start = CoroutineStart.UNDISPATCHED) { delay(d) }
        }
        for (i in 0 until n) {
            jobs[i]!!.cancel()
        }
        val elapsed = System.nanoTime() - t0
        jobs.fill(null)
        yield()
        val after = if (measureHeap) Heap.usedAfterGc() else 0L
        doubleArrayOf(elapsed.toDouble() / n, (after - before).toDouble() / n)
    }
}
