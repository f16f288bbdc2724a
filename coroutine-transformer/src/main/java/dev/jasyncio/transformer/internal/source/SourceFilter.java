package dev.jasyncio.transformer.internal.source;

/**
 * Cheap text tests run before parsing, so that the many files of a module that never mention jasyncio cost a
 * string search instead of a parse.
 *
 * <p>The tests may let through files that need nothing (a comment saying "await"); they must never reject a
 * file that does.
 */
public final class SourceFilter {

    private SourceFilter() {
    }

    /** {@code false} when the code can contain neither an {@code await} nor an {@code @Async}. */
    public static boolean mayNeedChecking(String code) {
        return code.contains("await") || code.contains("Async");
    }

    /** {@code false} when the code cannot declare an async functional interface or a method taking one. */
    public static boolean mayDeclareAsyncTypes(String code) {
        return code.contains("Coroutine") || code.contains("Async");
    }
}
