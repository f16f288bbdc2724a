package dev.jasyncio;

import dev.jasyncio.internal.AsyncSupport;

/**
 * Calls a user's async body from the library's scopes ({@code taskGroup}, {@code timeout}): the functional
 * interfaces declare {@code throws Exception}, as {@code Callable} does, and what a body throws while making its
 * coroutine is thrown on unchanged, never wrapped, so the scope's failure path (and the awaiting task) gets the
 * original object.
 */
final class AsyncBodies {

    private AsyncBodies() {
    }

    static <A, R> Coroutine<R> call(AsyncFunction<A, R> body, A argument) {
        try {
            return body.apply(argument);
        } catch (Exception e) {
            throw AsyncSupport.<RuntimeException>sneaky(e);
        }
    }
}
