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

    private static volatile RuntimeAccess access;

    private AsyncSupport() {
    }

    /** Called once by {@code dev.jasyncio} as it initialises. */
    public static void install(RuntimeAccess runtime) {
        access = runtime;
    }

    private static RuntimeAccess runtime() {
        RuntimeAccess a = access;
        if (a == null) {
            try {
                // Initialising the public package installs the implementation.
                Class.forName("dev.jasyncio.Task", true, AsyncSupport.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("jasyncio runtime is incomplete", e);
            }
            a = access;
        }
        return a;
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

    /** At a resumed await: the value the await produces, or the failure thrown where the body is suspended. */
    public static Object resumeValue(Object value, Throwable error) {
        if (error != null) {
            throw AsyncSupport.<RuntimeException>sneaky(error);
        }
        return value;
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
