package dev.jasyncio.benchmarks.harness;

/** The implementations the harness compares, in table order. */
public enum Impl {
    /** jasyncio: {@code @Async} methods on one event loop. */
    JASYNCIO("jasyncio", "jasyncio", false),
    /** Kotlin coroutines in {@code runBlocking} on the main thread. */
    KOTLIN("kotlin", "Kotlin coroutines (runBlocking)", false),
    /** Virtual threads on JDK 25 with one carrier thread. */
    VIRTUAL_THREADS("vt", "virtual threads (JDK 25, 1 carrier)", true),
    /** EA Async: await on CompletableFuture, single-thread executor. */
    EA_ASYNC("ea", "EA Async 1.2.3", false),
    /** Plain CompletableFuture callbacks, single-thread executor. */
    COMPLETABLE_FUTURE("cf", "CompletableFuture", false),
    /** Plain synchronous calls: the reference for W5. */
    PLAIN("plain", "plain calls", false);

    /** Short name used on the command line and in the result files. */
    public final String id;
    /** Column title. */
    public final String title;
    /** Whether the implementation needs the newer JDK (virtual threads). */
    public final boolean needsNewJdk;

    Impl(String id, String title, boolean needsNewJdk) {
        this.id = id;
        this.title = title;
        this.needsNewJdk = needsNewJdk;
    }

    /** The implementation with short name {@code id}. */
    public static Impl of(String id) {
        for (Impl i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown implementation " + id);
    }
}
