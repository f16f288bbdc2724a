package dev.jasyncio;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Python's {@code contextvars.ContextVar}: a variable whose value depends on the current {@link Context}, so each
 * task sees its own (the value current when it was created, then what it sets itself). The asyncio way to carry a
 * request id, a deadline or a logging context through a chain of awaits without passing it along.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST = new ContextVar<>("request");
 * ...
 * ContextVar.Token<String> t = REQUEST.set("r-42");   // tasks created from here on see "r-42"
 * try { await(handle()); } finally { REQUEST.reset(t); }
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {

    private final String name;
    /** The default, or {@link Context#MISSING}. */
    private final Object defaultValue;

    /** A variable without a default: {@link #get()} fails until it is set. */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = Context.MISSING;
    }

    /** A variable whose {@link #get()} returns {@code defaultValue} in contexts where it is not set. */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /** The variable's name. */
    public String name() {
        return name;
    }

    /**
     * The value in the current context, else the variable's default; {@link NoSuchElementException} (Python's
     * LookupError) if there is neither.
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = Context.current().lookup(this);
        if (v == Context.MISSING) {
            v = defaultValue;
            if (v == Context.MISSING) {
                throw new NoSuchElementException(toString());
            }
        }
        return (T) v;
    }

    /** The value in the current context, else {@code defaultValue} (which wins over the variable's default). */
    @SuppressWarnings("unchecked")
    public T get(T defaultValue) {
        Object v = Context.current().lookup(this);
        return v == Context.MISSING ? defaultValue : (T) v;
    }

    /** Sets the value in the current context; the token lets {@link #reset} restore the previous one. */
    public Token<T> set(T value) {
        Context ctx = Context.currentForUpdate();
        Object old = ctx.lookup(this);
        ctx.put(this, value);
        return new Token<>(this, ctx, old);
    }

    /**
     * Restores the value {@code token}'s {@link #set} replaced (or unsets the variable). Once per token
     * ({@link IllegalStateException} after, Python's RuntimeError), in the context it was made in and for this
     * variable ({@link IllegalArgumentException} otherwise, Python's ValueError).
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.used) {
            throw new IllegalStateException(token + " has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException(token + " was created by a different ContextVar");
        }
        Context ctx = Context.currentForUpdate();
        if (token.context != ctx) {
            throw new IllegalArgumentException(token + " was created in a different Context");
        }
        token.used = true;
        ctx.put(this, token.oldValue);
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (defaultValue == Context.MISSING ? "" : " default=" + defaultValue)
                + ">";
    }

    /**
     * What {@link ContextVar#set} returns: the variable, the context and the value it replaced, for
     * {@link ContextVar#reset}.
     *
     * @param <T> the variable's type
     */
    public static final class Token<T> {

        private final ContextVar<T> var;
        private final Context context;
        private final Object oldValue;
        private boolean used;

        Token(ContextVar<T> var, Context context, Object oldValue) {
            this.var = var;
            this.context = context;
            this.oldValue = oldValue;
        }

        /** The variable that was set. */
        public ContextVar<T> var() {
            return var;
        }

        /** Whether the variable had a value before (Python: {@code old_value is not Token.MISSING}). */
        public boolean hasOldValue() {
            return oldValue != Context.MISSING;
        }

        /** The value before, or null if there was none (see {@link #hasOldValue()}). */
        @SuppressWarnings("unchecked")
        public T oldValue() {
            return oldValue == Context.MISSING ? null : (T) oldValue;
        }

        @Override
        public String toString() {
            return "<Token" + (used ? " used" : "") + " var=" + var + ">";
        }
    }
}
