package dev.jasyncio.transformer.internal.rules;

import dev.jasyncio.transformer.Diagnostic;

/**
 * One wording of a rule: a message and a hint, {@link String#format} templates filled from the same arguments (the
 * hint may use them by position, {@code %2$s}). Both passes report a situation through the same text.
 */
public final class Text {

    private final Rule rule;
    private final String message;
    private final String hint;

    Text(Rule rule, String message, String hint) {
        this.rule = rule;
        this.message = message;
        this.hint = hint;
    }

    public Rule rule() {
        return rule;
    }

    /** The finding at {@code file:[line,column]}, with the rule's severity; {@code args} fill the templates. */
    public Diagnostic at(String file, int line, int column, Object... args) {
        return new Diagnostic(rule.severity(), rule.id(), file, line, column, String.format(message, args),
                hint == null ? null : String.format(hint, args));
    }

    /** As {@link #at}, with a hint worked out by the caller instead of the template's. */
    public Diagnostic withHint(String file, int line, int column, String ownHint, Object... args) {
        return new Diagnostic(rule.severity(), rule.id(), file, line, column, String.format(message, args), ownHint);
    }
}
