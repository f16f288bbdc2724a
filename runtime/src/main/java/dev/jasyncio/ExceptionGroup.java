package dev.jasyncio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Python's {@code ExceptionGroup}: several failures raised together, as a task group raises the errors of its
 * children. Unchecked. {@link #split} and {@link #subgroup} stand in for {@code except*}: they pick the leaves that
 * match, keeping the nesting, the message, the cause and the stack trace of every group on the way.
 *
 * <p>{@link #getMessage()} reads as Python's {@code str(eg)}: {@code "unhandled errors in a TaskGroup (2
 * sub-exceptions)"}; {@link #message()} is the bare message. The members are also attached as suppressed
 * exceptions, so a printed stack trace shows each of them.
 */
public class ExceptionGroup extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The two parts of {@link #split}: either may be null when nothing falls on its side. */
    public record Split(ExceptionGroup matched, ExceptionGroup rest) {
    }

    private final String message;
    @SuppressWarnings("serial") // always an unmodifiable view of an ArrayList, both serializable
    private final List<Throwable> exceptions;

    /** A group of {@code exceptions}, which must not be empty, as in Python. */
    @SuppressWarnings("this-escape") // addSuppressed is final in Throwable: no subclass code runs early
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(describe(message, exceptions));
        this.message = message;
        this.exceptions = Collections.unmodifiableList(new ArrayList<>(exceptions));
        for (Throwable t : this.exceptions) {
            addSuppressed(Objects.requireNonNull(t, "exception"));
        }
    }

    private static String describe(String message, List<? extends Throwable> exceptions) {
        if (exceptions == null || exceptions.isEmpty()) {
            throw new IllegalArgumentException("second argument (exceptions) must be a non-empty sequence");
        }
        int n = exceptions.size();
        return message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /** The message the group was made with, without the count. */
    public String message() {
        return message;
    }

    /** The members, in order; some may be groups themselves. */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** The part of this group whose leaves are instances of {@code type}, or null; see {@link #split(Predicate)}. */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return split(type).matched();
    }

    /** The part of this group matching {@code condition}, or null; see {@link #split(Predicate)}. */
    public ExceptionGroup subgroup(Predicate<? super Throwable> condition) {
        return split(condition).matched();
    }

    /** {@link #split(Predicate)} by type: {@code except* type}. */
    public Split split(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        return split(type::isInstance);
    }

    /**
     * Splits the group in two, as Python's {@code split}: if {@code condition} holds for this group, all of it
     * matches; otherwise each member is tested (groups recursively) and each side is a group made by
     * {@link #derive(List)} from the members on that side, or null if there are none.
     */
    public Split split(Predicate<? super Throwable> condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.test(this)) {
            return new Split(this, null);
        }
        List<Throwable> matched = new ArrayList<>();
        List<Throwable> rest = new ArrayList<>();
        for (Throwable t : exceptions) {
            if (t instanceof ExceptionGroup) {
                Split s = ((ExceptionGroup) t).split(condition);
                if (s.matched() != null) {
                    matched.add(s.matched());
                }
                if (s.rest() != null) {
                    rest.add(s.rest());
                }
            } else if (condition.test(t)) {
                matched.add(t);
            } else {
                rest.add(t);
            }
        }
        return new Split(matched.isEmpty() ? null : derivedWith(matched), rest.isEmpty() ? null : derivedWith(rest));
    }

    /**
     * A group like this one holding {@code exceptions}: what {@link #split} builds each side from. Subclasses
     * override it to keep their type, as in Python.
     */
    protected ExceptionGroup derive(List<Throwable> exceptions) {
        return new ExceptionGroup(message, exceptions);
    }

    private ExceptionGroup derivedWith(List<Throwable> members) {
        ExceptionGroup g = derive(members);
        // Python copies __traceback__, __cause__ and __context__ onto the derived group.
        g.setStackTrace(getStackTrace());
        Throwable cause = getCause();
        if (cause != null && g.getCause() == null) {
            g.initCause(cause);
        }
        return g;
    }
}
