package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.RuntimeAccess;
import dev.jasyncio.internal.UnawaitedCoroutines;

import java.util.concurrent.CompletionStage;

/**
 * What an await does, for each kind of awaitable: the implementation behind {@link AsyncSupport}, which
 * creates it reflectively.
 */
final class Scheduling implements RuntimeAccess {

    /** See {@link AsyncSupport#MAX_DEPTH}. */
    static final int MAX_INLINE_DEPTH = AsyncSupport.MAX_DEPTH;

    @Override
    public Object await(Object awaitable, AsyncFrame<?> frame) {
        if (awaitable instanceof AsyncFrame) {
            return awaitCoroutine((AsyncFrame<?>) awaitable, frame);
        }
        if (awaitable instanceof Future) {
            return awaitFuture((Future<?>) awaitable, frame);
        }
        if (awaitable instanceof CompletionStage) {
            return awaitFuture(StageBridge.toFuture((CompletionStage<?>) awaitable, frame.task.loop), frame);
        }
        if (awaitable == null) {
            throw new NullPointerException("await(null): nothing to await");
        }
        if (frame == null) {
            throw new IllegalArgumentException("cannot await " + awaitable.getClass().getName()
                    + ": expected a Coroutine, a Future, a Task or a CompletionStage");
        }
        throw new IllegalArgumentException("cannot await " + awaitable.getClass().getName()
                + ": expected a Coroutine, a Future, a Task or a CompletionStage");
    }

    private static Object awaitCoroutine(AsyncFrame<?> callee, AsyncFrame<?> frame) {
        Task<?> task = frame.task;
        return startInline(callee, frame, task, task.loop.inlineDepth + 1);
    }

    /**
     * Starts {@code callee} on the Java stack at nesting {@code depth}, or hands it to the task's loop (the
     * trampoline) when that is too deep. {@code caller} is null when the awaiting body has no frame yet (a direct
     * call): the chain is then linked when that body materialises its frame.
     */
    private static Object startInline(AsyncFrame<?> callee, AsyncFrame<?> caller, Task<?> task, int depth) {
        if (callee.state != AsyncFrame.FRESH) {
            throw callee.reuseError();
        }
        callee.state = AsyncFrame.RUNNING;
        if (UnawaitedCoroutines.ENABLED) {
            UnawaitedCoroutines.started(callee);
        }
        callee.task = task;
        callee.caller = caller;
        if (depth > MAX_INLINE_DEPTH) {
            task.loop.pendingStart = callee;
            if (caller == null) {
                task.loop.dangling = callee;
            }
            return AsyncSupport.SUSPENDED;
        }
        int saved = task.loop.inlineDepth;
        task.loop.inlineDepth = depth;
        Object r;
        try {
            r = callee.resume(null, null);
        } catch (Throwable t) {
            callee.state = AsyncFrame.DONE;
            throw t;
        } finally {
            task.loop.inlineDepth = saved;
        }
        if (r != AsyncSupport.SUSPENDED) {
            callee.state = AsyncFrame.DONE;
        } else if (caller == null && task.loop.dangling == null) {
            task.loop.dangling = callee;
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The direct-call protocol: await(f(...)) on an async method of the same class calls f's direct entry, which
    // runs the body with its locals on the Java stack and allocates f's frame only if it really suspends. On the
    // way out of a suspension, each body that had no frame yet allocates one and links the frame below it to it;
    // task.loop.dangling is the outermost frame of the suspended chain whose caller is not linked yet.

    @Override
    public Object awaitDirect(Object awaitable, Task<?> task, int depth) {
        if (awaitable instanceof AsyncFrame) {
            return startInline((AsyncFrame<?>) awaitable, null, task, depth);
        }
        if (awaitable instanceof Future) {
            return awaitFuture((Future<?>) awaitable, null, task);
        }
        if (awaitable instanceof CompletionStage) {
            return awaitFuture(StageBridge.toFuture((CompletionStage<?>) awaitable, task.loop), null, task);
        }
        return await(awaitable, null);
    }

    @Override
    public Object awaitSleep(double delay, AsyncFrame<?> frame) {
        return Sleep.park(delay, frame, frame.task);
    }

    @Override
    public Object awaitSleepDirect(double delay, Task<?> task) {
        return Sleep.park(delay, null, task);
    }

    @Override
    public int depth(AsyncFrame<?> frame) {
        return frame.task.loop.inlineDepth + 1;
    }

    @Override
    public Object deferDirect(AsyncFrame<?> fresh, Task<?> task) {
        fresh.state = AsyncFrame.RUNNING;
        if (UnawaitedCoroutines.ENABLED) {
            UnawaitedCoroutines.started(fresh);
        }
        fresh.task = task;
        task.loop.pendingStart = fresh;
        task.loop.dangling = fresh;
        return AsyncSupport.SUSPENDED;
    }

    @Override
    public Object suspendDirect(AsyncFrame<?> materialised, Task<?> task) {
        materialised.state = AsyncFrame.RUNNING;
        if (UnawaitedCoroutines.ENABLED) {
            UnawaitedCoroutines.started(materialised);
        }
        materialised.task = task;
        AsyncFrame<?> below = task.loop.dangling;
        if (below == null) {
            task.resumeFrame = materialised; // it is the frame parked on a future
        } else {
            below.caller = materialised;
        }
        task.loop.dangling = materialised;
        return AsyncSupport.SUSPENDED;
    }

    @Override
    public void linkDirect(AsyncFrame<?> frame) {
        Task<?> task = frame.task;
        task.loop.dangling.caller = frame;
        task.loop.dangling = null;
    }

    private static Object awaitFuture(Future<?> future, AsyncFrame<?> frame) {
        return awaitFuture(future, frame, frame.task);
    }

    /** Parks the task on {@code future}; {@code frame} is null when the awaiting body has no frame yet. */
    private static Object awaitFuture(Future<?> future, AsyncFrame<?> frame, Task<?> task) {
        if (future.state != Future.PENDING) {
            return future.awaitOutcome();
        }
        if (future == task) {
            throw new IllegalStateException("Task cannot await on itself: " + task);
        }
        if (future.loop != task.loop) {
            throw new IllegalStateException("Task " + task + " got Future " + future + " attached to a different loop"
                    + " (a future is awaited on its own loop; to cross loops, use runCoroutineThreadsafe(coro, loop)"
                    + " or a CompletableFuture, which any loop can await)");
        }
        task.park(frame, future);
        future.addWaiter(task);
        return AsyncSupport.SUSPENDED;
    }

    @Override
    public AsyncGenerator<?> generator(AsyncFrame<?> body) {
        return Generator.of(body);
    }

    @Override
    public Object awaitEmit(Object value, AsyncFrame<?> frame) {
        Generator<?> g = Generator.ofBody(frame);
        if (g == null) {
            throw new IllegalStateException("await(emit(value)) outside an async generator's body");
        }
        return g.emit(value, frame);
    }

    @Override
    public Awaitable<?> asyncHasNext(java.util.Iterator<?> iterator) {
        if (iterator instanceof AsyncFor.Steps) {
            return ((AsyncFor.Steps<?>) iterator).source.hasNext();
        }
        // Not aiter's iterator (the loop was compiled some other way): its answer, as an awaitable.
        return Coroutine.of(iterator.hasNext());
    }

    @Override
    public Awaitable<?> closeAsyncFor(java.util.Iterator<?> iterator) {
        if (iterator instanceof AsyncFor.Steps && ((AsyncFor.Steps<?>) iterator).source instanceof AsyncGenerator) {
            return ((AsyncGenerator<?>) ((AsyncFor.Steps<?>) iterator).source).aclose();
        }
        return Coroutine.of(null);
    }

    @Override
    public RuntimeException notInstrumented(String where) {
        return new IllegalStateException("await() was called in " + where + ", which was not instrumented: an @Async "
                + "method must be rewritten at build time before it runs. dev.jasyncio:coroutine-maven-plugin does it "
                + "in the process-classes phase (process-test-classes for tests), which 'mvn compile' stops short of: "
                + "build with 'mvn process-classes' or a later phase (e.g. 'mvn process-classes exec:java', "
                + "'mvn package'). Without the plugin, apply it to the module (goals instrument and instrument-test), "
                + "or run with the jasyncio agent (-javaagent) when an IDE compiled the class. Note that await() may "
                + "only be called inside an @Async method or an async lambda.");
    }
}
