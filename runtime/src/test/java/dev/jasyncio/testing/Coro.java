package dev.jasyncio.testing;

import dev.jasyncio.Coroutine;
import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;

/**
 * Hand-built coroutines for runtime tests: a coroutine is a list of steps, each running until its next await. New
 * tests can be {@code @Async} code instead, which the build instruments (see {@code sync.AsyncLockTest}); these
 * stay for the tests written this way, and for coroutines whose every resumption a test wants to see.
 *
 * <pre>{@code
 * Coroutine<String> c = coro("child",
 *     v -> { say("start"); return awaiting(sleep(0.1)); },          // suspends; the next step gets the value
 *     catching((v, e) -> { say("finally"); return rethrow(e, "done"); }));
 * }</pre>
 *
 * A plain {@link Step} never sees a failure: the failure of the await before it is thrown on, as in straight-line
 * code. A {@link #catching} step receives it, as a {@code catch}/{@code finally} block would. A step returns
 * {@link #awaiting(Object)} to suspend (then the next step continues), {@link #awaiting(Object, int)} to continue at
 * another step (loops), or anything else as the coroutine's result; awaiting in the last step returns what the
 * await produced ({@code return await x}). (Not named {@code await}: a static import of
 * {@code Asyncio.await} would win the overload and fail at run time, the caller not being instrumented.)
 */
public final class Coro {

    private Coro() {
    }

    /** A step that runs after a successful await (or first). */
    @FunctionalInterface
    public interface Step {
        Object run(Object value) throws Throwable;
    }

    /** A step that also sees the failure of the await before it (null if it succeeded). */
    @FunctionalInterface
    public interface Handler {
        Object run(Object value, Throwable error) throws Throwable;
    }

    private static final class Catching implements Step {
        final Handler handler;

        Catching(Handler handler) {
            this.handler = handler;
        }

        @Override
        public Object run(Object value) {
            throw new UnsupportedOperationException();
        }
    }

    /** What a step returns to suspend on {@code awaitable} and continue at step {@code next}. */
    public static final class Suspend {
        final Object awaitable;
        final int next;

        Suspend(Object awaitable, int next) {
            this.awaitable = awaitable;
            this.next = next;
        }
    }

    /** A coroutine named {@code name} running {@code steps}. */
    public static <T> Coroutine<T> coro(String name, Step... steps) {
        return new StepFrame<>(name, steps);
    }

    /** An anonymous coroutine running {@code steps}. */
    public static <T> Coroutine<T> coro(Step... steps) {
        return new StepFrame<>("coro", steps);
    }

    /** Await {@code awaitable}, then continue with the next step. */
    public static Suspend awaiting(Object awaitable) {
        return new Suspend(awaitable, -1);
    }

    /** Await {@code awaitable}, then continue with step {@code next} (0-based). */
    public static Suspend awaiting(Object awaitable, int next) {
        return new Suspend(awaitable, next);
    }

    /** A step that sees failures too. */
    public static Step catching(Handler handler) {
        return new Catching(handler);
    }

    /** The end of a {@code finally}: throws {@code error} if there is one, else returns {@code value}. */
    public static Object rethrow(Throwable error, Object value) {
        if (error != null) {
            throw AsyncSupport.<RuntimeException>sneaky(error);
        }
        return value;
    }

    /**
     * A frame that runs one step per resumption, following the await protocol by hand: an await that completes at
     * once (a done future, a coroutine that did not suspend) continues with the next step in the same loop, as
     * generated code carries on in straight line.
     */
    private static final class StepFrame<T> extends AsyncFrame<T> {
        private final String name;
        private final Step[] steps;

        StepFrame(String name, Step[] steps) {
            this.name = name;
            this.steps = steps;
        }

        @Override
        public Object resume(Object value, Throwable error) {
            while (true) {
                Object r = step(value, error);
                if (!(r instanceof Suspend)) {
                    return r;
                }
                Suspend a = (Suspend) r;
                label = a.next < 0 ? label + 1 : a.next;
                try {
                    Object awaited = AsyncSupport.await(a.awaitable, this);
                    if (awaited == AsyncSupport.SUSPENDED) {
                        return awaited;
                    }
                    value = awaited;
                    error = null;
                } catch (Throwable t) {
                    // A failure of the await itself arrives at the next step, as it is thrown at the await.
                    value = null;
                    error = t;
                }
            }
        }

        private Object step(Object value, Throwable error) {
            if (label == steps.length) {
                // Awaited in the last step: return await x.
                return Coro.rethrow(error, value);
            }
            Step s = steps[label];
            try {
                if (s instanceof Catching) {
                    return ((Catching) s).handler.run(value, error);
                }
                if (error != null) {
                    throw error;
                }
                return s.run(value);
            } catch (Throwable t) {
                throw AsyncSupport.<RuntimeException>sneaky(t);
            }
        }

        @Override
        public String coroutineName() {
            return name;
        }

        @Override
        public String suspendedAt() {
            return name + ".java:" + label;
        }
    }
}
