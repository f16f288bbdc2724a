package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;

/**
 * The coroutine {@code sleep(delay)} returns when it is not awaited at once (a task of its own, a variable): parks
 * the task on its own timer, or for a delay of zero or less yields once to the loop. {@code await(sleep(d))}
 * itself is compiled to {@link #park} directly and makes no coroutine at all.
 *
 * @param <T> the type of the value the sleep produces
 */
final class Sleep<T> extends AsyncFrame<T> {

    private final double delay;
    private final T result;

    Sleep(double delay, T result) {
        this.delay = delay;
        this.result = result;
    }

    @Override
    public Object resume(Object value, Throwable error) {
        if (label == 0) {
            label = 1;
            return park(delay, this, task);
        }
        if (error != null) {
            throw AsyncSupport.<RuntimeException>sneaky(error);
        }
        return result;
    }

    /**
     * Parks {@code task} for {@code delay} seconds; {@code frame} resumes when it wakes (null when the awaiting body
     * has no frame yet: it makes one on the way out). A delay of zero or less yields to the loop once, as asyncio's
     * bare {@code yield}. Used by this coroutine and, without any coroutine object, by {@code await(sleep(d))}
     * compiled as an intrinsic.
     */
    static Object park(double delay, AsyncFrame<?> frame, Task<?> task) {
        if (Double.isNaN(delay)) {
            // As asyncio.sleep: a NaN delay fails when awaited (a ValueError there).
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        if (delay <= 0) {
            task.park(frame, null);
            task.loop.scheduleTask(task);
        } else {
            task.loop.sleep(task, delay);
            task.park(frame, task);
        }
        return AsyncSupport.SUSPENDED;
    }

    @Override
    public String coroutineName() {
        return "sleep";
    }
}
