package dev.jasyncio;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Python's {@code contextvars.Context}: a mapping from {@link ContextVar}s to values. Every thread has a current
 * context; a task runs each of its steps in its own context, a copy of the one current when the task was created
 * (or the context given to {@link EventLoop#createTask(Coroutine, String, Context)}), so values set inside a task
 * never leak out of it and values set before {@code createTask} are seen inside.
 *
 * <p>Copies are cheap: a context holds an immutable array that {@link ContextVar#set} replaces, so a copy shares
 * it until one of them changes.
 */
public final class Context {

    private static final Object[] EMPTY = new Object[0];

    /** The context current on each thread: its own one, a task's during the task's steps, or one being run. */
    private static final ThreadLocal<Context> CURRENT = ThreadLocal.withInitial(Context::new);

    /**
     * Set once anything sets a variable or enters a context; until then every context is empty, so loops need not
     * copy one per task. Never reset. Not volatile: what matters is the creating thread's own contexts, and a
     * thread always sees its own writes.
     */
    static boolean used;

    /** {@code var0, value0, var1, value1, ...}; replaced on change, never modified (copies share it). */
    private Object[] entries;
    /** Whether {@link #run} (or a task step) is running in this context: Python refuses to enter it twice. */
    boolean entered;

    /** A new, empty context ({@code contextvars.Context()}). */
    public Context() {
        this(EMPTY);
    }

    private Context(Object[] entries) {
        this.entries = entries;
    }

    /** A copy of the current context ({@code contextvars.copy_context()}). */
    public static Context copyContext() {
        return CURRENT.get().copy();
    }

    /** A shallow copy: the same values, changed independently from now on. */
    public Context copy() {
        return new Context(entries);
    }

    /**
     * Runs {@code fn} with this context as the current one: {@link ContextVar#set} inside changes this context, and
     * the previous context is current again afterwards. {@link IllegalStateException} if this context is already
     * being run (Python's RuntimeError "cannot enter context").
     */
    public void run(Runnable fn) {
        call(() -> {
            fn.run();
            return null;
        });
    }

    /** {@link #run(Runnable)} for a function with a result, which is returned. */
    public <R> R call(Supplier<R> fn) {
        Objects.requireNonNull(fn, "fn");
        Context previous = currentForUpdate();
        if (entered) {
            throw new IllegalStateException("cannot enter context: " + this + " is already entered");
        }
        entered = true;
        CURRENT.set(this);
        try {
            return fn.get();
        } finally {
            CURRENT.set(previous);
            entered = false;
        }
    }

    /** The value of {@code var} in this context, or null if it has none. */
    public <T> T get(ContextVar<T> var) {
        return get(var, null);
    }

    /** The value of {@code var} in this context, or {@code defaultValue} if it has none. */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> var, T defaultValue) {
        int i = indexOf(var);
        return i < 0 ? defaultValue : (T) entries[i + 1];
    }

    /** Whether {@code var} has a value in this context ({@code var in ctx}). */
    public boolean containsKey(ContextVar<?> var) {
        return indexOf(var) >= 0;
    }

    /** How many variables have a value in this context. */
    public int size() {
        return entries.length / 2;
    }

    @Override
    public String toString() {
        return "<Context " + size() + " var(s) @" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Used by ContextVar and the loop

    /** The current context of this thread. */
    static Context current() {
        return CURRENT.get();
    }

    /**
     * The current context, about to be changed or entered: tells the running loop, which then runs the remaining
     * steps of its tasks each in its own context (until now they could share this thread's empty one).
     */
    static Context currentForUpdate() {
        used = true;
        EventLoop loop = EventLoop.running();
        if (loop != null) {
            loop.hooks().contexts.use();
        }
        return CURRENT.get();
    }

    /** Makes {@code context} current on this thread; returns the one that was. */
    static Context swap(Context context) {
        Context previous = CURRENT.get();
        CURRENT.set(context);
        return previous;
    }

    /** Marker for "no value", distinct from null, which is a value. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<Token.MISSING>";
        }
    };

    /** The raw value of {@code var}, or {@link #MISSING}. */
    Object lookup(ContextVar<?> var) {
        int i = indexOf(var);
        return i < 0 ? MISSING : entries[i + 1];
    }

    /** Sets {@code var} to {@code value}, or removes it for {@link #MISSING}. */
    void put(ContextVar<?> var, Object value) {
        Object[] e = entries;
        int i = indexOf(var);
        if (value == MISSING) {
            if (i >= 0) {
                Object[] n = new Object[e.length - 2];
                System.arraycopy(e, 0, n, 0, i);
                System.arraycopy(e, i + 2, n, i, e.length - i - 2);
                entries = n;
            }
        } else if (i >= 0) {
            if (e[i + 1] != value) {
                Object[] n = e.clone();
                n[i + 1] = value;
                entries = n;
            }
        } else {
            Object[] n = new Object[e.length + 2];
            System.arraycopy(e, 0, n, 0, e.length);
            n[e.length] = var;
            n[e.length + 1] = value;
            entries = n;
        }
    }

    boolean isEmpty() {
        return entries.length == 0;
    }

    private int indexOf(ContextVar<?> var) {
        Object[] e = entries;
        for (int i = 0; i < e.length; i += 2) {
            if (e[i] == var) {
                return i;
            }
        }
        return -1;
    }
}
