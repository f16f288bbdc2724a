package dev.jasyncio.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * OS signal handlers through {@code sun.misc.Signal} (module {@code jdk.unsupported}, present on JDK 17 and 25 and
 * resolved for class-path programs), reached by reflection: the runtime still loads where the module is absent
 * (a trimmed image) and the caller then falls back to a shutdown hook.
 */
final class SignalTraps {

    private static final Class<?> SIGNAL;
    private static final Class<?> HANDLER;
    private static final Method HANDLE;
    private static final Method NUMBER;
    private static final Object SIG_DFL;
    private static final Object SIG_IGN;

    static {
        Class<?> signal = null;
        Class<?> handler = null;
        Method handle = null;
        Method number = null;
        Object dfl = null;
        Object ign = null;
        try {
            signal = Class.forName("sun.misc.Signal");
            handler = Class.forName("sun.misc.SignalHandler");
            handle = signal.getMethod("handle", signal, handler);
            number = signal.getMethod("getNumber");
            dfl = handler.getField("SIG_DFL").get(null);
            ign = handler.getField("SIG_IGN").get(null);
        } catch (ReflectiveOperationException | LinkageError | SecurityException absent) {
            signal = null;
        }
        SIGNAL = signal;
        HANDLER = handler;
        HANDLE = handle;
        NUMBER = number;
        SIG_DFL = dfl;
        SIG_IGN = ign;
    }

    private SignalTraps() {
    }

    /** One installed handler: what it replaced, to restore it or pass a signal on to it. */
    static final class Trap {
        private final Object signal;
        private final Object previous;
        private final Object ours;
        final int number;

        private Trap(Object signal, Object previous, Object ours, int number) {
            this.signal = signal;
            this.previous = previous;
            this.ours = ours;
            this.number = number;
        }

        /**
         * Does what would have happened without this trap: the previous handler (the JVM's runs the shutdown hooks
         * and exits with 128 + the number); the default disposition kills the process at once.
         */
        void passOn() {
            if (previous == SIG_DFL) {
                Runtime.getRuntime().halt(128 + number);
            } else if (previous != SIG_IGN) {
                try {
                    HANDLER.getMethod("handle", SIGNAL).invoke(previous, signal);
                } catch (InvocationTargetException e) {
                    throw AsyncSupport.<RuntimeException>sneaky(e.getCause());
                } catch (ReflectiveOperationException e) {
                    Runtime.getRuntime().halt(128 + number);
                }
            }
        }

        /** Puts the previous handler back, unless someone replaced ours meanwhile (then theirs stays). */
        void restore() {
            Object current = set(signal, previous);
            if (current != null && current != ours) {
                set(signal, current);
            }
        }
    }

    /**
     * Traps {@code name} ({@code "INT"}, {@code "TERM"}): {@code onSignal} runs on the JVM's signal thread each
     * time it arrives. Null when it cannot be trapped: no {@code sun.misc.Signal}, a signal the JVM keeps for
     * itself ({@code -Xrs}), or one the process was started ignoring (a background job of a shell), which stays
     * ignored as asyncio leaves a handler it did not expect alone.
     */
    static Trap trap(String name, Consumer<Trap> onSignal) {
        if (SIGNAL == null) {
            return null;
        }
        Object signal;
        int number;
        try {
            signal = SIGNAL.getConstructor(String.class).newInstance(name);
            number = (int) NUMBER.invoke(signal);
        } catch (ReflectiveOperationException | IllegalArgumentException unknown) {
            return null;
        }
        AtomicReference<Trap> self = new AtomicReference<>();
        Object ours = Proxy.newProxyInstance(HANDLER.getClassLoader(), new Class<?>[] {HANDLER},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "handle":
                            Trap trap = self.get();
                            if (trap != null) { // null: arrived while being installed; the user presses again
                                onSignal.accept(trap);
                            }
                            return null;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            return "jasyncio handler for SIG" + name;
                    }
                });
        Object previous = set(signal, ours);
        if (previous == null) {
            return null;
        }
        if (previous == SIG_IGN) {
            set(signal, previous);
            return null;
        }
        Trap trap = new Trap(signal, previous, ours, number);
        self.set(trap);
        return trap;
    }

    /** Installs {@code handler}; returns the one it replaced, or null if the JVM refused. */
    private static Object set(Object signal, Object handler) {
        try {
            return HANDLE.invoke(null, signal, handler);
        } catch (InvocationTargetException refused) {
            return null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
