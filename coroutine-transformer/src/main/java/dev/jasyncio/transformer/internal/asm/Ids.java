package dev.jasyncio.transformer.internal.asm;

/**
 * Diagnostic ids the bytecode pass reports; the same ids as the source checks where the rule is the same, so a
 * user sees one id per mistake whichever pass caught it. Each has a page in {@code docs/diagnostics/ID.md}.
 */
final class Ids {

    static final String AWAIT_OUTSIDE_ASYNC = "AWAIT_OUTSIDE_ASYNC";
    static final String AWAIT_IN_LAMBDA = "AWAIT_IN_LAMBDA";
    static final String AWAIT_IN_SYNCHRONIZED = "AWAIT_IN_SYNCHRONIZED";
    static final String AWAIT_METHOD_REFERENCE = "AWAIT_METHOD_REFERENCE";
    static final String ASYNC_NOT_COROUTINE = "ASYNC_NOT_COROUTINE";
    static final String ASYNC_ABSTRACT = "ASYNC_ABSTRACT";
    static final String AWAIT_IN_CONSTRUCTOR_CALL = "AWAIT_IN_CONSTRUCTOR_CALL";
    static final String UNSUPPORTED_BYTECODE = "UNSUPPORTED_BYTECODE";
    static final String RETURN_NULL_IN_ASYNC = "RETURN_NULL_IN_ASYNC";
    static final String METHOD_TOO_LARGE = "METHOD_TOO_LARGE";
    static final String INTERNAL_VERIFY = "TRANSFORM_VERIFY_FAILED";

    private Ids() {
    }
}
