package dev.jasyncio.transformer.internal.check;

import dev.jasyncio.transformer.internal.rules.Rule;

/**
 * One diagnostic rule over a parsed source file. Its {@link Rule} gives its id (also the name of its page in
 * {@code docs/diagnostics/}), its summary and its severity; it reports through the {@link CheckContext} it is given,
 * in the wordings of {@code Texts}.
 *
 * <p>Rules read what the context has already worked out (await sites, async declarations) instead of walking
 * the tree themselves, so each file is analysed once however many rules there are.
 */
public interface SourceCheck {

    /** The entry of the registry this check reports. */
    Rule rule();

    /** The stable id, e.g. {@code AWAIT_OUTSIDE_ASYNC}. */
    default String id() {
        return rule().id();
    }

    /** One line saying what the rule finds. */
    default String summary() {
        return rule().summary();
    }

    /** Reports every finding of this rule in the context's file. */
    void visit(CheckContext context);
}
