package dev.jasyncio;

/**
 * What {@link EventLoop#createTask(Coroutine, String)} calls to make a task once set with
 * {@link EventLoop#setTaskFactory(TaskFactory)}: asyncio's task factory. It usually returns
 * {@code new Task<>(loop, coro, name)} or a subclass of {@link Task}.
 */
@FunctionalInterface
public interface TaskFactory {

    /** A new task running {@code coro} on {@code loop}; {@code name} may be null (then {@code Task-N}). */
    Task<?> createTask(EventLoop loop, Coroutine<?> coro, String name);
}
