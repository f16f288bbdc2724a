package dev.jasyncio;

import dev.jasyncio.internal.LibraryFrame;

import java.util.Collection;

/**
 * The coroutine of {@code taskGroup(body)}: asyncio's {@code async with TaskGroup() as tg: body}. The body runs
 * inline in the awaiting task; then the scope waits for the group's children, looping as asyncio does because
 * the wait may itself be cancelled, and raises what {@link TaskGroup} decides.
 *
 * @param <T> the body's result type
 */
final class TaskGroupScope<T> extends LibraryFrame<T> implements WaitsFor {

    private static final int BODY_DONE = 1;
    private static final int WAIT = 2;
    private static final int WAITED = 3;

    private final AsyncFunction<TaskGroup, T> body;
    private final TaskGroup group = new TaskGroup();
    private Object bodyValue;
    private Throwable bodyFailure;
    private CancelledError propagate;

    TaskGroupScope(AsyncFunction<TaskGroup, T> body) {
        this.body = body;
    }

    @Override
    public Collection<Task<?>> waitsFor() {
        return group.children();
    }

    @Override
    protected Object step(Object value, Throwable error) {
        switch (label) {
            case 0:
                group.enter(task);
                Coroutine<T> inner;
                try {
                    inner = body.apply(group);
                } catch (Throwable t) {
                    return jump(BODY_DONE, null, t);
                }
                return await(inner, BODY_DONE);
            case BODY_DONE:
                bodyValue = value;
                bodyFailure = error;
                propagate = group.beginExit(error);
                return jump(WAIT, null, null);
            case WAIT:
                Future<Boolean> running = group.childrenRunning();
                if (running != null) {
                    return await(running, WAITED);
                }
                rethrow(group.finishExit(bodyFailure, propagate));
                return bodyValue;
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
        return "taskGroup";
    }
}
