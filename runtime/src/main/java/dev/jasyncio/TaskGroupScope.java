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
        T value = null;
        try (TaskGroup group = new TaskGroup()) {
            value = await(AsyncBodies.call(body, group));
        }
        // Reached with null too when the group swallowed the body's cancellation (its own), as after async with.
        return Coroutine.of(value);
    }
}
