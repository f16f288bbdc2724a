package dev.jasyncio.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The mark the transformer puts on every class it wrote: on an instrumented class with the transformer's version,
 * on each frame class without one. The transformer reads it to refuse instrumenting a class twice. It exists as a
 * type so that javac, compiling code against instrumented classes, finds the annotation's declaration instead of
 * warning that it is missing (a warning {@code -Xlint:all -Werror} would turn into a failure).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Instrumented {

    /** The version of the transformer that instrumented the class; empty on frame classes. */
    String version() default "";
}
