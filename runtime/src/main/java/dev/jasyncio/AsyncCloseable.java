package dev.jasyncio;

/**
 * A resource entered and exited asynchronously: Python's asynchronous context manager ({@code async with}). In an
 * async body, {@code try (TaskGroup tg = taskGroup()) { ... }} is {@code async with}: the build makes the block
 * await {@link #aenter()} once the resource is initialised and {@link #aexit(Throwable)} when the block is left,
 * however it is left (normal end, {@code return}, {@code break}, {@code continue}, an exception).
 *
 * <p>{@code aexit} sees what the block threw (null if nothing): it produces {@code true} to suppress it (the code
 * after the block runs; a block that cannot end normally lets the failure through), {@code false} to let it go
 * on, or throws to replace it, as {@code __aexit__} does. Outside an async body nothing can be awaited, so the
 * build refuses such a block and {@link #close()} fails at run time, naming the fix.
 *
 * <p>{@code aenter} and {@code aexit} may throw checked exceptions, as {@code __aexit__} may raise anything: what
 * they throw leaves the block as it is, whatever the enclosing method declares.
 */
public interface AsyncCloseable extends AutoCloseable {

    /** Python's {@code __aenter__}: awaited when the block is entered. Does nothing unless overridden. */
    default Coroutine<Void> aenter() throws Exception {
        return Coroutine.of(null);
    }

    /**
     * Python's {@code __aexit__}: awaited when the block is left. {@code failure} is what the block threw, or null;
     * produces {@code true} to suppress it; a failure thrown here replaces it.
     */
    Coroutine<Boolean> aexit(Throwable failure) throws Exception;

    /**
     * Reached only when the block was not made async: try-with-resources over an {@code AsyncCloseable} outside an
     * async body, or in a class the build did not instrument. Always fails with a message naming the fix.
     */
    @Override
    default void close() {
        throw new IllegalStateException(getClass().getSimpleName() + " is an AsyncCloseable: it must be used in "
                + "try-with-resources inside an @Async method or an async lambda (async with), where the block "
                + "awaits aenter() and aexit(failure); close() ran instead, so the enclosing method is not async or "
                + "its class was not instrumented. Annotate the method with @Async (returning Coroutine<T>) and apply "
                + "dev.jasyncio:coroutine-maven-plugin, or await aenter()/aexit(null) by hand");
    }
}
