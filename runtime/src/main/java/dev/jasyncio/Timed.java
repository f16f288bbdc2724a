package dev.jasyncio;

/**
 * Something the loop's timer heap can hold: a {@link TimerHandle}, or a {@link Task} sleeping on its own timer
 * (a sleeping task needs no other object). Ordered by deadline, then by scheduling order.
 */
abstract class Timed {

    /** The loop time it is due at. */
    double when;
    /** Scheduling order among equal deadlines; compared with wrap-around, so it never runs out. */
    int sequence;
    /** Its place in the heap, or -1 when not in it: lets a cancelled timer leave the heap at once. */
    int heapIndex = -1;

    Timed() {
    }

    final boolean before(Timed other) {
        return when < other.when || (when == other.when && sequence - other.sequence < 0);
    }
}
