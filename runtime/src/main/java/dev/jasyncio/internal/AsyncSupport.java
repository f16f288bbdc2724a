package dev.jasyncio.internal;

/**
 * The entry points that transformed code calls. Their names and descriptors are fixed: the transformer refers to
 * them by string (in its {@code Names} class), so changing one here means changing it there.
 *
 * <p>Public only because generated code in user packages calls it. Not part of the API.
 */
public final class AsyncSupport {

    /** Returned by {@link AsyncFrame#resume} and {@link #await} when the task must go back to the loop. */
    public static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /**
     * How deeply coroutines may nest on the Java stack (inline starts and direct calls) before the next one is
     * handed to the task's loop instead: deep enough that ordinary async recursion never leaves the fast path,
     * shallow enough that a chain of any length cannot overflow the thread's stack. Generated direct entries
     * compare against it.
     */
    public static final int MAX_DEPTH = 128;

    /**
     * The implementation, a package-private class of {@code dev.jasyncio}. A constant, so the JIT sees through every
     * call below to the one implementation and inlines it.
     */
    private static final RuntimeAccess ACCESS = load();

    private AsyncSupport() {
    }

    private static RuntimeAccess load() {
        try {
            java.lang.reflect.Constructor<?> c = Class.forName("dev.jasyncio.Scheduling", true,
                    AsyncSupport.class.getClassLoader()).getDeclaredConstructor();
            c.setAccessible(true);
            return (RuntimeAccess) c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static RuntimeAccess runtime() {
        return ACCESS;
    }

    /**
     * An await at a suspension point of {@code frame}: returns the awaitable's value if it is available at once
     * (a done future, a coroutine that finished without suspending), throws its failure, or returns
     * {@link #SUSPENDED} after parking the task, in which case the body saves its state and returns
     * {@link #SUSPENDED} too.
     */
    public static Object await(Object awaitable, AsyncFrame<?> frame) {
        return runtime().await(awaitable, frame);
    }

    /**
     * An await in a body running in direct mode (no frame yet): as {@link #await}, with the task and nesting depth
     * passed along instead of a frame. On {@link #SUSPENDED} the body materialises its frame and calls
     * {@link #suspendDirect}.
     */
    public static Object awaitDirect(Object awaitable, dev.jasyncio.Task<?> task, int depth) {
        return ACCESS.awaitDirect(awaitable, task, depth);
    }

    /**
     * {@code await(sleep(delay))} compiled as an intrinsic: parks the task for {@code delay} seconds (or yields once
     * for zero) with no coroutine object; returns {@link #SUSPENDED}.
     */
    public static Object awaitSleep(double delay, AsyncFrame<?> frame) {
        return ACCESS.awaitSleep(delay, frame);
    }

    /** {@link #awaitSleep} in a body running in direct mode (no frame yet). */
    public static Object awaitSleepDirect(double delay, dev.jasyncio.Task<?> task) {
        return ACCESS.awaitSleepDirect(delay, task);
    }

    /** The nesting depth a body with a frame passes to the direct entry it calls. */
    public static int depth(AsyncFrame<?> frame) {
        return ACCESS.depth(frame);
    }

    /** A direct entry nested too deep: its frame, made fresh, is started by the task's loop instead. */
    public static Object deferDirect(AsyncFrame<?> fresh, dev.jasyncio.Task<?> task) {
        return ACCESS.deferDirect(fresh, task);
    }

    /** A body in direct mode suspends: its new frame joins the suspended chain; returns {@link #SUSPENDED}. */
    public static Object suspendDirect(AsyncFrame<?> materialised, dev.jasyncio.Task<?> task) {
        return ACCESS.suspendDirect(materialised, task);
    }

    /** A body with a frame saw a direct call suspend: the callee's chain now continues into this frame. */
    public static void linkDirect(AsyncFrame<?> frame) {
        ACCESS.linkDirect(frame);
    }

    /** At a resumed await: the value the await produces, or the failure thrown where the body is suspended. */
    public static Object resumeValue(Object value, Throwable error) {
        if (error != null) {
            throw AsyncSupport.<RuntimeException>sneaky(error);
        }
        return value;
    }

    /**
     * What an {@code aexit(failure)} produced, awaited where a try-with-resources block over an
     * {@code AsyncCloseable} ends with a failure: whether it suppresses the failure ({@code true}; null and
     * {@code false} let it through, as Python's falsy values do).
     */
    public static boolean suppresses(Object aexitResult) {
        return Boolean.TRUE.equals(aexitResult);
    }

    /** Whether an awaited {@code Boolean} is true; null counts as false. */
    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /**
     * The factory of an {@code @Async} method returning {@code AsyncGenerator}: the generator running
     * {@code body}, a fresh frame, one element at a time.
     */
    public static dev.jasyncio.AsyncGenerator<?> generator(AsyncFrame<?> body) {
        return ACCESS.generator(body);
    }

    /**
     * {@code await(emit(value))} in an async generator's body, compiled as an intrinsic: hands {@code value} to the
     * consumer; returns {@link #SUSPENDED}, and the body resumes at the consumer's next step.
     */
    public static Object awaitEmit(Object value, AsyncFrame<?> frame) {
        return ACCESS.awaitEmit(value, frame);
    }

    /** {@code iterator.hasNext()} of {@code for (x : aiter(source))} in an async body: the awaitable step. */
    public static dev.jasyncio.Awaitable<?> asyncHasNext(java.util.Iterator<?> iterator) {
        return ACCESS.asyncHasNext(iterator);
    }

    /**
     * A {@code for (x : aiter(source))} left early: the awaitable that closes an async generator source (a
     * coroutine doing nothing for other sources).
     */
    public static dev.jasyncio.Awaitable<?> closeAsyncFor(java.util.Iterator<?> iterator) {
        return ACCESS.closeAsyncFor(iterator);
    }

    /** Throws any throwable, checked or not: async bodies rethrow what their awaits produced, unchanged. */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * Where a generated frame is suspended: {@code table} is {@code File.java:l1,l2,...}, the line of each await by
     * label, as the transformer wrote it; decoded only when a task dump or a stack asks.
     */
    public static String location(String table, int label) {
        int colon = table.lastIndexOf(':');
        String file = table.substring(0, colon);
        if (label <= 0) {
            return file;
        }
        String[] lines = table.substring(colon + 1).split(",");
        return label <= lines.length ? file + ":" + lines[label - 1] : file;
    }

    private static final ClassValue<Boolean> INITIALIZED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new NoClassDefFoundError(type.getName());
            }
            return Boolean.TRUE;
        }
    };

    /**
     * Initializes {@code type} where {@code new Type(...)} stood before the transformer moved the allocation after
     * its arguments (to get it out of the way of an await): class initialization happens in the original order.
     */
    public static void initialize(Class<?> type) {
        INITIALIZED.get(type);
    }

    /** The error raised by {@code Asyncio.await} called at run time: the caller was not instrumented. */
    public static RuntimeException notInstrumented(String where) {
        return runtime().notInstrumented(where);
    }
}
