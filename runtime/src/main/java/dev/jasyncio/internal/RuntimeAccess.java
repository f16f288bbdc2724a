package dev.jasyncio.internal;

/**
 * The runtime's core, seen from {@link AsyncSupport}: the operations generated code needs that touch the
 * package-private state of tasks, futures and the loop. Implemented once, by a package-private class of {@code dev.jasyncio}
 * that {@link AsyncSupport} instantiates reflectively (the JDK's "shared secrets" arrangement), so the public
 * classes expose nothing of it.
 */
public interface RuntimeAccess {

    /** See {@link AsyncSupport#await(Object, AsyncFrame)}. */
    Object await(Object awaitable, AsyncFrame<?> frame);

    /** See {@link AsyncSupport#awaitDirect(Object, dev.jasyncio.Task, int)}. */
    Object awaitDirect(Object awaitable, dev.jasyncio.Task<?> task, int depth);

    /** See {@link AsyncSupport#awaitSleep(double, AsyncFrame)}. */
    Object awaitSleep(double delay, AsyncFrame<?> frame);

    /** See {@link AsyncSupport#awaitSleepDirect(double, dev.jasyncio.Task)}. */
    Object awaitSleepDirect(double delay, dev.jasyncio.Task<?> task);

    /** See {@link AsyncSupport#depth(AsyncFrame)}. */
    int depth(AsyncFrame<?> frame);

    /** See {@link AsyncSupport#deferDirect(AsyncFrame, dev.jasyncio.Task)}. */
    Object deferDirect(AsyncFrame<?> fresh, dev.jasyncio.Task<?> task);

    /** See {@link AsyncSupport#suspendDirect(AsyncFrame, dev.jasyncio.Task)}. */
    Object suspendDirect(AsyncFrame<?> materialised, dev.jasyncio.Task<?> task);

    /** See {@link AsyncSupport#linkDirect(AsyncFrame)}. */
    void linkDirect(AsyncFrame<?> frame);

    /** See {@link AsyncSupport#generator(AsyncFrame)}. */
    dev.jasyncio.AsyncGenerator<?> generator(AsyncFrame<?> body);

    /** See {@link AsyncSupport#awaitEmit(Object, AsyncFrame)}. */
    Object awaitEmit(Object value, AsyncFrame<?> frame);

    /** See {@link AsyncSupport#asyncHasNext(java.util.Iterator)}. */
    dev.jasyncio.Awaitable<?> asyncHasNext(java.util.Iterator<?> iterator);

    /** See {@link AsyncSupport#closeAsyncFor(java.util.Iterator)}. */
    dev.jasyncio.Awaitable<?> closeAsyncFor(java.util.Iterator<?> iterator);

    /** The error for an await in a class that was not instrumented. */
    RuntimeException notInstrumented(String where);
}
