package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.Faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static dev.jasyncio.Asyncio.await;

/**
 * asyncio's {@code TaskGroup}, used as {@code await(taskGroup(tg -> { tg.createTask(...); ... }))}: the scope
 * ends only when every task created in it is done.
 *
 * <p>The first child that fails (with anything but {@link CancelledError}) cancels its siblings and the body; once
 * all are done the scope raises one {@link ExceptionGroup} holding every failure: the children's in the order
 * they failed, then the body's. Cancelling the task that runs the scope cancels the children too and then
 * propagates. The scope's own cancellation of its task is withdrawn again ({@link Task#uncancel()}), so a caller
 * that catches the {@code ExceptionGroup} carries on normally.
 */
public final class TaskGroup implements AsyncCloseable {

    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private EventLoop loop;
    private Task<?> parentTask;
    private boolean parentCancelRequested;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Future<Boolean> onCompletedFut;
    private final ChildWatch onTaskDone = new ChildWatch();

    TaskGroup() {
    }

    /**
     * {@code async with}'s entry: enters the group in the awaiting task. Awaited by the block
     * {@code try (TaskGroup tg = taskGroup()) { ... }}; a group is entered once.
     */
    @Override
    @Async
    public Coroutine<Void> aenter() {
        enter(EventLoop.requireRunning().currentTask);
        return Coroutine.of(null);
    }

    /**
     * {@code async with}'s exit: waits for every child; the block's failure (or the first failing child's) cancels
     * the others, and all failures come out together as an {@link ExceptionGroup} in place of the block's.
     */
    @Override
    @Async
    public Coroutine<Boolean> aexit(Throwable failure) {
        CancelledError propagate = beginExit(failure);
        // asyncio loops: the wait for the children may itself be cancelled, from outside.
        Future<Boolean> running;
        while ((running = childrenRunning()) != null) {
            try {
                await(running);
            } catch (CancelledError e) {
                if (waitCancelled()) {
                    propagate = e;
                }
            }
            waitEnded();
        }
        Throwable raised = finishExit(failure, propagate);
        if (raised == failure) {
            return Coroutine.of(false);
        }
        if (raised == null) {
            return Coroutine.of(true);
        }
        throw AsyncSupport.<RuntimeException>sneaky(raised);
    }

    /** Starts {@code coro} as a task of this group, named {@code Task-N}. */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * Starts {@code coro} as a task of this group named {@code name}. {@link IllegalStateException} if the group
     * has not started, has finished, or is shutting down after a failure; {@code coro} is then closed.
     */
    @SuppressWarnings("unchecked")
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        String refusal = !entered ? " has not been entered"
                : exiting && tasks.isEmpty() ? " is finished"
                : aborting ? " is shutting down" : null;
        if (refusal != null) {
            close(coro);
            throw new IllegalStateException("TaskGroup " + this + refusal);
        }
        Task<T> task = loop.createTask(coro, name);
        if (task.done()) {
            onTaskDone(task);
        } else {
            tasks.add(task);
            task.addDoneCallback((Consumer<Future<T>>) (Consumer<?>) onTaskDone);
        }
        return task;
    }

    /** The tasks of the group still running (task trees show them as awaited by the group's task). */
    Collection<Task<?>> children() {
        return tasks;
    }

    /** Python's {@code coro.close()} on a coroutine that will never run: it cannot be started afterwards. */
    private static void close(Coroutine<?> coro) {
        if (coro instanceof AsyncFrame && ((AsyncFrame<?>) coro).state == AsyncFrame.FRESH) {
            ((AsyncFrame<?>) coro).state = AsyncFrame.DONE;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The scope's protocol, driven by TaskGroupScope: enter, exit with the body's outcome, wait, finish.

    void enter(Task<?> task) {
        if (entered) {
            throw new IllegalStateException("TaskGroup " + this + " has already been entered");
        }
        loop = task.loop;
        parentTask = task;
        entered = true;
    }

    /** The body ended with {@code failure} (null if it returned): asyncio's {@code __aexit__} up to its wait loop. */
    CancelledError beginExit(Throwable failure) {
        exiting = true;
        if (failure != null && isBaseError(failure) && baseError == null) {
            baseError = failure;
        }
        if (failure != null && !aborting) {
            // Our parent task is being cancelled, or the body failed: stop the children.
            abort();
        }
        return failure instanceof CancelledError ? (CancelledError) failure : null;
    }

    /** The future to await while children are running, or null when none is left. */
    Future<Boolean> childrenRunning() {
        if (tasks.isEmpty()) {
            return null;
        }
        if (onCompletedFut == null) {
            onCompletedFut = loop.createFuture();
        }
        return onCompletedFut;
    }

    /**
     * The wait for the children was interrupted by {@code cancelled} (the parent task is being cancelled from
     * outside): returns whether this is news, in which case the children are cancelled and it propagates.
     */
    boolean waitCancelled() {
        if (aborting) {
            return false;
        }
        abort();
        return true;
    }

    void waitEnded() {
        onCompletedFut = null;
    }

    /**
     * The end of {@code __aexit__}: returns the failure the scope raises (null to return normally), given the
     * body's failure and the cancellation to propagate.
     */
    Throwable finishExit(Throwable bodyFailure, CancelledError propagate) {
        if (baseError != null) {
            return baseError;
        }
        if (parentCancelRequested && parentTask.uncancel() == 0) {
            // No cancellation pending apart from ours: do not propagate it.
            propagate = null;
        }
        if (propagate != null && errors.isEmpty()) {
            return propagate;
        }
        if (bodyFailure != null && !(bodyFailure instanceof CancelledError)) {
            errors.add(bodyFailure);
        }
        if (errors.isEmpty()) {
            return null;
        }
        if (parentTask.cancelling() > 0) {
            // Cancelled from outside too: uncancel and cancel again, keeping the count, so the task's next await
            // gets the cancellation.
            parentTask.uncancel();
            parentTask.cancel();
        }
        ExceptionGroup group = new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        errors = null;
        return group;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The errors that end a loop are Java's KeyboardInterrupt / SystemExit: raised alone, never grouped. */
    private static boolean isBaseError(Throwable t) {
        return Faults.endsLoop(t);
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : tasks) {
            if (!t.done()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> task) {
        tasks.remove(task);
        if (onCompletedFut != null && tasks.isEmpty() && !onCompletedFut.done()) {
            onCompletedFut.setResult(true);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.done()) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Task " + task + " has errored out but its parent task " + parentTask
                    + " is already completed");
            context.put("exception", exc);
            context.put("task", task);
            loop.callExceptionHandler(context);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Cancel the parent to interrupt the body; __aexit__ withdraws this cancellation again.
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    /** asyncio's repr: {@code <TaskGroup tasks=2 errors=1 cancelling>}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            s.append(" tasks=").append(tasks.size());
        }
        if (errors != null && !errors.isEmpty()) {
            s.append(" errors=").append(errors.size());
        }
        if (aborting) {
            s.append(" cancelling");
        } else if (entered) {
            s.append(" entered");
        }
        return s.append('>').toString();
    }

    /**
     * The done callback the group puts on each child. Task trees find a group's children through it and show them
     * as awaited by the group's task, whether the body or the exit is running.
     */
    final class ChildWatch implements Consumer<Future<?>> {

        @Override
        public void accept(Future<?> task) {
            onTaskDone(task);
        }

        /** The task running the group. */
        Task<?> parentTask() {
            return parentTask;
        }
    }
}
