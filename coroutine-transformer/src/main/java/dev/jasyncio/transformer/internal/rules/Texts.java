package dev.jasyncio.transformer.internal.rules;

/**
 * Every wording of every rule, in one place. The source checks and the bytecode pass report the same situation with
 * the same text; they differ only in what they fill in (the sources know generic types and the kind of initializer,
 * the bytecode knows erased types and compiled method names). Arguments are described above each text, in order.
 */
public final class Texts {

    private static final String LOCK = "dev.jasyncio.sync.Lock";
    private static final String LOCK_PATTERN = "await(lock.acquire()); try { ... } finally { lock.release(); }";
    private static final String NO_MONITOR = "a coroutine cannot hold a monitor across a suspension; use " + LOCK;
    private static final String REMOVE_SYNCHRONIZED = "remove synchronized from %1$s and guard the shared state with a "
            + LOCK + ": " + LOCK_PATTERN;
    private static final String LAMBDA = "await in a lambda that is not async; the lambda runs later, outside the "
            + "coroutine";
    private static final String OUTSIDE = "await outside an async body: method %1$s is not @Async";
    private static final String REPORT_IT = "please report this with the class file; as a workaround, move the await "
            + "out of the construct";

    private Texts() {
    }

    // ---- AWAIT_OUTSIDE_ASYNC --------------------------------------------------------------------------------------

    /** The method's name, the coroutine type it would return, how it would return ({@code return Coroutine.of(...)}). */
    public static final Text AWAIT_IN_PLAIN_METHOD = new Text(Rule.AWAIT_OUTSIDE_ASYNC, OUTSIDE,
            "did you mean @Async %2$s %1$s(...)? %3$s, and callers await it");
    /** The method's name: it returns a coroutine already. */
    public static final Text AWAIT_IN_COROUTINE_METHOD = new Text(Rule.AWAIT_OUTSIDE_ASYNC, OUTSIDE,
            "did you mean to annotate %1$s with @Async?");
    /** The method's name: {@code main}. */
    public static final Text AWAIT_IN_MAIN = new Text(Rule.AWAIT_OUTSIDE_ASYNC, OUTSIDE,
            "did you mean to move this code into an @Async method and start it with Asyncio.run(...) from main?");
    /** What runs it ("a constructor", "a static initializer", ...), the class's simple name. */
    public static final Text AWAIT_IN_INITIALIZER = new Text(Rule.AWAIT_OUTSIDE_ASYNC,
            "await in %1$s: constructors and initializers cannot suspend",
            "move the awaiting code into an @Async method, e.g. an @Async static factory returning Coroutine<%2$s>");

    // ---- AWAIT_IN_LAMBDA ------------------------------------------------------------------------------------------

    /** No arguments. */
    public static final Text AWAIT_IN_LAMBDA = new Text(Rule.AWAIT_IN_LAMBDA, LAMBDA,
            "make the lambda's functional interface return Coroutine (e.g. AsyncFunction) and end it with return "
                    + "Coroutine.of(value), or move the await out of the lambda");
    /** No arguments: the lambda is given to {@code forEach}. */
    public static final Text AWAIT_IN_FOR_EACH_LAMBDA = new Text(Rule.AWAIT_IN_LAMBDA, LAMBDA,
            "did you mean a for loop? for (var item : items) { await(...); } suspends the coroutine at each item");
    /** No arguments: the lambda is given to {@code map}. */
    public static final Text AWAIT_IN_MAP_LAMBDA = new Text(Rule.AWAIT_IN_LAMBDA, LAMBDA,
            "did you mean await(gather(...))? start the awaitables in the stream, then await them all at once "
                    + "outside it");

    // ---- AWAIT_IN_SYNCHRONIZED ------------------------------------------------------------------------------------

    /** No arguments. */
    public static final Text AWAIT_IN_SYNCHRONIZED_BLOCK = new Text(Rule.AWAIT_IN_SYNCHRONIZED,
            "await inside a synchronized block: " + NO_MONITOR,
            "did you mean " + LOCK_PATTERN + " with a " + LOCK + "?");
    /** The method's name. */
    public static final Text AWAIT_IN_SYNCHRONIZED_METHOD = new Text(Rule.AWAIT_IN_SYNCHRONIZED,
            "await in synchronized method %1$s: " + NO_MONITOR, REMOVE_SYNCHRONIZED);
    /** The method's name. */
    public static final Text SYNCHRONIZED_ASYNC_METHOD = new Text(Rule.AWAIT_IN_SYNCHRONIZED,
            "synchronized @Async method %1$s: the monitor would be held while the coroutine is created, not while "
                    + "its body runs", REMOVE_SYNCHRONIZED);

    // ---- AWAIT_METHOD_REFERENCE -----------------------------------------------------------------------------------

    /** The reference as written. */
    public static final Text AWAIT_METHOD_REFERENCE = new Text(Rule.AWAIT_METHOD_REFERENCE,
            "%1$s as a method reference: await must be called directly inside an async body",
            "did you mean to call await(...) directly? to await many awaitables, await(gather(...)) once");

    // ---- ASYNC_NOT_COROUTINE --------------------------------------------------------------------------------------

    /** The method's name, its return type, the coroutine type it should have, how it would return. */
    public static final Text ASYNC_NOT_COROUTINE = new Text(Rule.ASYNC_NOT_COROUTINE,
            "@Async method %1$s must return Coroutine<T> (or AsyncGenerator<T>), not %2$s", "did you mean %3$s? %4$s");

    // ---- ASYNC_ABSTRACT -------------------------------------------------------------------------------------------

    /** The method's name, the coroutine type its declaration returns. */
    public static final Text ASYNC_ABSTRACT = new Text(Rule.ASYNC_ABSTRACT,
            "@Async on abstract method %1$s: only a method with a body can be async",
            "remove @Async here and put it on each implementation; the declaration only returns %2$s");
    /** The method's name. */
    public static final Text ASYNC_NATIVE = new Text(Rule.ASYNC_ABSTRACT,
            "@Async on native method %1$s: only a method with a Java body can be async",
            "remove @Async; to call it without blocking the loop, await(toThread(() -> %1$s(...))) from an @Async "
                    + "method");

    // ---- ASYNC_CONSTRUCTOR ----------------------------------------------------------------------------------------

    /** The class's simple name. */
    public static final Text ASYNC_CONSTRUCTOR = new Text(Rule.ASYNC_CONSTRUCTOR,
            "@Async on a constructor: constructors cannot suspend",
            "did you mean a static factory? @Async static Coroutine<%1$s> create(...) { ...; return Coroutine.of(new "
                    + "%1$s(...)); }");

    // ---- RETURN_NULL_IN_ASYNC -------------------------------------------------------------------------------------

    /** The body: "@Async method name" or "an async lambda". */
    public static final Text RETURN_NULL_IN_ASYNC = new Text(Rule.RETURN_NULL_IN_ASYNC,
            "return null in %1$s: an async body returns its value through a coroutine, and a null coroutine has "
                    + "nothing to await", "did you mean return Coroutine.of(null)?");

    // ---- ASYNC_WITH_OUTSIDE_ASYNC, ASYNC_FOR_OUTSIDE_ASYNC --------------------------------------------------------

    /** The body it is in ("method name", "a lambda", ...). */
    public static final Text ASYNC_WITH_OUTSIDE_ASYNC = new Text(Rule.ASYNC_WITH_OUTSIDE_ASYNC,
            "try-with-resources over an AsyncCloseable outside an async body, in %1$s: entering and leaving it must be "
                    + "awaited", "annotate the method with @Async and make it return Coroutine<T> (or use an async "
                    + "lambda): there the block is async with");
    /** The body it is in ("method name", "a lambda", ...). */
    public static final Text ASYNC_FOR_OUTSIDE_ASYNC = new Text(Rule.ASYNC_FOR_OUTSIDE_ASYNC,
            "for (x : aiter(...)) outside an async body, in %1$s: each step of an async for must be awaited",
            "annotate the method with @Async and make it return Coroutine<T> (or use an async lambda): there the "
                    + "loop is async for");

    // ---- bytecode only --------------------------------------------------------------------------------------------

    /** The simple name of the class constructed. */
    public static final Text AWAIT_IN_CONSTRUCTOR_CALL = new Text(Rule.AWAIT_IN_CONSTRUCTOR_CALL,
            "await inside the arguments of 'new %1$s(...)' compiled in a shape that cannot be transformed",
            "await into a local variable first, then pass the variable to the constructor");
    /** The method's name. */
    public static final Text UNSUPPORTED_BYTECODE = new Text(Rule.UNSUPPORTED_BYTECODE,
            "async method %1$s uses jsr/ret subroutines (class files older than Java 7), which cannot be transformed",
            "recompile the class for Java 7 or later");
    /** The method's name, the class's simple name, the size of its code. */
    public static final Text METHOD_TOO_LARGE = new Text(Rule.METHOD_TOO_LARGE,
            "the async method %1$s of %2$s is too large once transformed (%3$s bytes of code; the JVM allows 65535)",
            "split it into smaller async methods: each await adds code to save and restore what is live");
    /** What the verifier's rules found. */
    public static final Text TRANSFORMED_CLASS_FAILS_VERIFICATION = new Text(Rule.TRANSFORM_VERIFY_FAILED,
            "the transformed class would not pass verification, so it was left as it is: %1$s", REPORT_IT);
    /** The method (class, name and descriptor), what the verifier's rules found. */
    public static final Text TRANSFORMED_METHOD_FAILS_VERIFICATION = new Text(Rule.TRANSFORM_VERIFY_FAILED,
            "the transformed method %1$s would not pass verification, so the class was left as it is: %2$s",
            REPORT_IT);
    /** The class's name, its major version, its Java release, the newest Java release supported. */
    public static final Text UNSUPPORTED_CLASS_VERSION = new Text(Rule.UNSUPPORTED_CLASS_VERSION,
            "class %1$s has class file major version %2$s (Java %3$s); this plugin reads class files up to Java %4$s",
            "compile with --release %4$s or lower, or use a jasyncio version that supports Java %3$s");
}
