package dev.jasyncio.transformer.internal.rules;

import dev.jasyncio.transformer.Diagnostic;

import java.util.Optional;

/**
 * Every diagnostic the transformer reports, whichever pass finds it: its id, how bad it is, one line saying what it
 * finds, where it can be placed, and its page. The source checks and the bytecode pass both report through these
 * entries and through the shared wordings in {@link Texts}, so a mistake reads the same whoever caught it.
 *
 * <p>Adding a rule: a constant here (its severity decides whether the build fails), a page
 * {@code docs/diagnostics/ID.md} linked from the index, its wordings in {@link Texts}, and the check that reports
 * it: a {@code SourceCheck} for a source rule, the bytecode pass otherwise. The docs test holds every constant to a
 * page and a test.
 */
public enum Rule {

    AWAIT_OUTSIDE_ASYNC(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "await called outside an async body"),
    AWAIT_IN_LAMBDA(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "await in a lambda whose functional interface does not return Coroutine"),
    AWAIT_IN_SYNCHRONIZED(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "await while holding a monitor (synchronized block or method)"),
    AWAIT_METHOD_REFERENCE(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "Asyncio::await used as a method reference"),
    ASYNC_NOT_COROUTINE(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "@Async method that does not return Coroutine<T>"),
    ASYNC_ABSTRACT(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "@Async on an abstract, bodiless interface, or native method"),
    ASYNC_CONSTRUCTOR(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "@Async on a constructor"),
    RETURN_NULL_IN_ASYNC(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "return null in an async body, which must return Coroutine.of(null)"),
    ASYNC_WITH_OUTSIDE_ASYNC(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "try-with-resources over an AsyncCloseable outside an async body"),
    ASYNC_FOR_OUTSIDE_ASYNC(Diagnostic.Severity.ERROR, Placement.SOURCE_RULE,
            "for (x : aiter(source)) outside an async body"),
    AWAIT_IN_CONSTRUCTOR_CALL(Diagnostic.Severity.ERROR, Placement.AWAIT,
            "an await among constructor arguments in bytecode that cannot be reshaped"),
    UNSUPPORTED_BYTECODE(Diagnostic.Severity.ERROR, Placement.LINE,
            "an async method with jsr / ret subroutines (class files older than Java 7)"),
    METHOD_TOO_LARGE(Diagnostic.Severity.ERROR, Placement.LINE,
            "an async method that would exceed 64 KB of bytecode once transformed"),
    TRANSFORM_VERIFY_FAILED(Diagnostic.Severity.ERROR, Placement.LINE,
            "a transformed class that would fail verification: left unwritten"),
    UNSUPPORTED_CLASS_VERSION(Diagnostic.Severity.ERROR, Placement.LINE,
            "a class file newer than Java 25, which the transformer cannot read");

    /** Where the pages are, relative to the project's root; one place to change for a published site. */
    public static final String PAGES = "docs/diagnostics/";

    /** How a finding of the rule gets its position in a build. */
    public enum Placement {
        /** A source check finds it too, and its finding (with a column) replaces the bytecode pass's. */
        SOURCE_RULE,
        /** Only the bytecode pass finds it, at an await: the build places it on the await of that line. */
        AWAIT,
        /** The line is all there is to say (or not even that). */
        LINE
    }

    private final Diagnostic.Severity severity;
    private final Placement placement;
    private final String summary;

    Rule(Diagnostic.Severity severity, Placement placement, String summary) {
        this.severity = severity;
        this.placement = placement;
        this.summary = summary;
    }

    /** The stable id, also the name of the page. */
    public String id() {
        return name();
    }

    public Diagnostic.Severity severity() {
        return severity;
    }

    public Placement placement() {
        return placement;
    }

    /** One line saying what the rule finds. */
    public String summary() {
        return summary;
    }

    /** The rule's page: {@code docs/diagnostics/ID.md}. */
    public String page() {
        return PAGES + id() + ".md";
    }

    /** The rule of {@code id}, if it is one of ours. */
    public static Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
