package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.util.Collection;

/**
 * The coroutines of a {@link TaskGroup} used in {@code try (TaskGroup tg = taskGroup())}: {@code __aenter__}
 * enters the group in the awaiting task, {@code __aexit__} waits for the children as {@link TaskGroupScope} does
 * after its body, and decides: produces {@code false} to let the block's failure through, {@code true} when the
 * group swallowed the block's cancellation (its own), or throws the {@link ExceptionGroup} (or the cancellation)
 * in its place.
 */
final class TaskGroupExit extends LibraryFrame<Boolean> implements WaitsFor {

    private static final int WAIT = 1;
    private static final int WAITED = 2;

    private final TaskGroup group;
    /** What the block threw, or null; null too for the enter coroutine, which has {@link #entering} set. */
    private final Throwable failure;
    private final boolean entering;
    private CancelledError propagate;

    private TaskGroupExit(TaskGroup group, Throwable failure, boolean entering) {
        this.group = group;
        this.failure = failure;
        this.entering = entering;
    }

    static TaskGroupExit enter(TaskGroup group) {
        return new TaskGroupExit(group, null, true);
    }

    static TaskGroupExit exit(TaskGroup group, Throwable failure) {
        return new TaskGroupExit(group, failure, false);
    }

    @Override
    public Collection<Task<?>> waitsFor() {
        return group.children();
    }

    @Override
    protected Object step(Object value, Throwable error) {
        switch (label) {
            case 0:
                if (entering) {
                    group.enter(task);
                    return null;
                }
                propagate = group.beginExit(failure);
                return jump(WAIT, null, null);
            case WAIT:
                Future<Boolean> running = group.childrenRunning();
                if (running != null) {
                    return await(running, WAITED);
                }
                Throwable raised = group.finishExit(failure, propagate);
                if (raised == failure) {
                    return Boolean.FALSE;
                }
                if (raised == null) {
                    return Boolean.TRUE;
                }
                rethrow(raised);
                return Boolean.FALSE; // not reached
            case WAITED:
                if (error instanceof CancelledError && group.waitCancelled()) {
                    propagate = (CancelledError) error;
                }
                group.waitEnded();
                return jump(WAIT, null, null);
            default:
                throw new IllegalStateException("bad label " + label);
        }
    }

    @Override
    public String coroutineName() {
        return entering ? "TaskGroup.aenter" : "TaskGroup.aexit";
    }
}
