/**
 * The one annotation user code needs at compile time, {@link dev.jasyncio.annotations.Async}: it marks a method
 * returning {@code Coroutine<T>} whose body the transformer rewrites into a state machine. The module has no
 * dependencies, so a project can compile against it alone and add the runtime where its code runs.
 */
package dev.jasyncio.annotations;
