package dev.jasyncio.transformer.internal.check;

/**
 * One diagnostic rule over a parsed source file. A rule has a stable id, which is also the name of its page in
 * {@code docs/diagnostics/}, and reports through the {@link CheckContext} it is given.
 *
 * <p>Rules read what the context has already worked out (await sites, async declarations) instead of walking
 * the tree themselves, so each file is analysed once however many rules there are.
 */
public interface SourceCheck {

    /** The stable id, e.g. {@code AWAIT_OUTSIDE_ASYNC}. */
    String id();

    /** One line saying what the rule finds. */
    String summary();

    /** Reports every finding of this rule in the context's file. */
    void visit(CheckContext context);
}
