package dev.jasyncio;

/**
 * What the body of {@link Asyncio#generate(AsyncFunction)} emits its elements through: Kotlin's
 * {@code FlowCollector}, Python's {@code yield} in an {@code async def}.
 *
 * @param <T> the elements' type
 */
@FunctionalInterface
public interface Emitter<T> {

    /**
     * Hands {@code value} to the consumer; the awaiting body resumes when the consumer asks for the next element,
     * or gets {@link GeneratorExit} if the generator is closed meanwhile.
     */
    Coroutine<Void> emit(T value);
}
