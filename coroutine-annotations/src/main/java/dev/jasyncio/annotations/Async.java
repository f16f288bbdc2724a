package dev.jasyncio.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body may {@code await}: Python's {@code async def}.
 *
 * <p>The method must return {@code dev.jasyncio.Coroutine<T>} and ends with {@code return Coroutine.of(value)}.
 * At build time the coroutine transformer rewrites it into a state machine: calling the method then runs
 * nothing and returns a fresh coroutine; the body runs when the coroutine is awaited or wrapped in a task.
 *
 * <p>Kept in class files ({@link RetentionPolicy#CLASS}) because the transformer finds async methods by
 * reading bytecode; it is not needed by reflection at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {
}
