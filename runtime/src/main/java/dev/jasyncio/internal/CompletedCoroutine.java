package dev.jasyncio.internal;

/**
 * What {@code Coroutine.of(value)} returns outside an async body: a coroutine whose body is just
 * {@code return value}. Inside async bodies the transformer turns {@code return Coroutine.of(v)} into a plain
 * return, so this object is only made by code that builds coroutines by hand.
 *
 * @param <T> the value's type
 */
public final class CompletedCoroutine<T> extends AsyncFrame<T> {

    private final T value;

    public CompletedCoroutine(T value) {
        this.value = value;
    }

    @Override
    public Object resume(Object ignored, Throwable error) {
        return value;
    }

    @Override
    public String coroutineName() {
        return "Coroutine.of";
    }
}
