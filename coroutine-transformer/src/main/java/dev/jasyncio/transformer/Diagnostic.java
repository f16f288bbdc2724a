package dev.jasyncio.transformer;

import dev.jasyncio.transformer.internal.rules.Rule;

import java.util.Objects;

/**
 * One finding about user code: where it is, which rule found it, what to do about it.
 *
 * <p>Rendered the way javac's messages appear in Maven's output, {@code File.java:[line,col] [ID] message},
 * so IDEs and terminals make the position clickable; a hint follows on its own line when the rule has one.
 * Positions are 1-based; a column of 0 means "somewhere on this line" (bytecode knows lines, not columns).
 */
public final class Diagnostic {

    /** How bad a finding is. */
    public enum Severity {
        /** The build must fail: the code cannot work as written. */
        ERROR,
        /** Probably a mistake, but the code still works. */
        WARNING
    }

    private final Severity severity;
    private final String id;
    private final String file;
    private final int line;
    private final int column;
    private final String message;
    private final String hint;

    public Diagnostic(Severity severity, String id, String file, int line, int column, String message, String hint) {
        this.severity = Objects.requireNonNull(severity, "severity");
        this.id = Objects.requireNonNull(id, "id");
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = Objects.requireNonNull(message, "message");
        this.hint = hint;
    }

    public static Diagnostic error(String id, String file, int line, int column, String message, String hint) {
        return new Diagnostic(Severity.ERROR, id, file, line, column, message, hint);
    }

    public Severity severity() { return severity; }

    public boolean isError() { return severity == Severity.ERROR; }

    /** The rule's id, also the name of its page in {@code docs/diagnostics/ID.md}. */
    public String id() { return id; }

    /** The source file (a path, or a bare file name when only the class file's SourceFile attribute is known). */
    public String file() { return file; }

    public int line() { return line; }

    public int column() { return column; }

    public String message() { return message; }

    /** A "did you mean" suggestion, or {@code null}. */
    public String hint() { return hint; }

    /**
     * The page that explains the rule, {@code docs/diagnostics/ID.md}, or null for an id that is not one of the
     * transformer's rules.
     */
    public String link() {
        return Rule.byId(id).map(Rule::page).orElse(null);
    }

    /**
     * {@code File.java:[line,col] [ID] message}, then the hint on the next line if there is one, then the rule's
     * page, as Error Prone ends its messages with its link.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(file == null ? "<unknown>" : file);
        if (line > 0) {
            out.append(":[").append(line).append(',').append(Math.max(column, 1)).append(']');
        }
        out.append(" [").append(id).append("] ").append(message);
        if (hint != null && !hint.isEmpty()) {
            out.append(System.lineSeparator()).append("    ").append(hint);
        }
        String link = link();
        if (link != null) {
            out.append(System.lineSeparator()).append("    (see ").append(link).append(')');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return severity + " " + format();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Diagnostic)) return false;
        Diagnostic d = (Diagnostic) o;
        return severity == d.severity && id.equals(d.id) && Objects.equals(file, d.file) && line == d.line
                && column == d.column && message.equals(d.message) && Objects.equals(hint, d.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, id, file, line, column, message);
    }
}
