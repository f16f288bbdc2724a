package dev.jasyncio.testing;

import dev.jasyncio.Coroutine;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.LibraryFrame;

/**
 * Hand-built coroutines for runtime tests, until the transformer writes them from {@code @Async} methods: a
 * coroutine is a list of steps, each running until its next await.
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

    private static final class StepFrame<T> extends LibraryFrame<T> {
        private final String name;
        private final Step[] steps;

        StepFrame(String name, Step[] steps) {
            this.name = name;
            this.steps = steps;
        }

        @Override
        protected Object step(Object value, Throwable error) {
            if (label == steps.length) {
                // Awaited in the last step: return await x.
                return Coro.rethrow(error, value);
            }
            Step s = steps[label];
            Object r;
            try {
                if (s instanceof Catching) {
                    r = ((Catching) s).handler.run(value, error);
                } else {
                    if (error != null) {
                        throw error;
                    }
                    r = s.run(value);
                }
            } catch (Throwable t) {
                throw AsyncSupport.<RuntimeException>sneaky(t);
            }
            if (r instanceof Suspend) {
                Suspend a = (Suspend) r;
                return await(a.awaitable, a.next < 0 ? label + 1 : a.next);
            }
            return r;
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
