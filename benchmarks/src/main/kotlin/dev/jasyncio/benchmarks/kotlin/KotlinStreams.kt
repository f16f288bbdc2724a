package dev.jasyncio.benchmarks.kotlin

import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.runBlocking

/** W5 with Kotlin: a cold `flow { emit(i) }` collected into a sum (what `for (x : aiter(gen))` is measured against). */
object KotlinStreams {

    /** W5, Flow: the sum of [n] elements a flow emits. */
    @JvmStatic
    fun w5Flow(n: Int): Int = runBlocking {
        var s = 0
        flow {
            for (i in 0 until n) {
                emit(i and 63)
            }
        }.collect { s += it }
        s
    }
}
