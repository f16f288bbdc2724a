package dev.jasyncio;

import dev.jasyncio.annotations.Async;

import static dev.jasyncio.Asyncio.await;

/**
 * The coroutine of {@code taskGroup(body)}: asyncio's {@code async with TaskGroup() as tg: body}. The body runs
 * inline in the awaiting task; the group's {@code aexit} then waits for its children and decides what the scope
 * raises.
 */
final class TaskGroupScope {

    private TaskGroupScope() {
    }

    @Async
    static <T> Coroutine<T> taskGroup(AsyncFunction<TaskGroup, T> body) {
        // async with, spelled out as PEP 492 expands it.
        TaskGroup group = new TaskGroup();
        await(group.aenter());
        T value;
        try {
            value = await(AsyncBodies.call(body, group));
        } catch (Throwable failure) {
            if (!await(group.aexit(failure))) {
                throw failure;
            }
            // The group swallowed the body's cancellation (its own): the scope produces nothing.
            return Coroutine.of(null);
        }
        await(group.aexit(null));
        return Coroutine.of(value);
    }
}
