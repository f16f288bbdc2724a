package dev.jasyncio.internal;

import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * asyncio's {@code RuntimeWarning: coroutine '...' was never awaited}, for coroutines that are made and then
 * dropped without being awaited or wrapped in a task.
 *
 * <p>Watching every coroutine costs a registration per async call, so it is a debug feature, on with
 * {@code -Djasyncio.debug=true} or the environment variable {@code JASYNCIO_DEBUG=1} (asyncio's debug mode also
 * turns on its costlier checks). It must be decided before coroutines are made, hence a property rather than the
 * loop's {@code setDebug}. When off, the check in {@link AsyncFrame}'s constructor is a constant the JIT removes.
 * Refusals the runtime sees directly (no running loop, a closed loop) are reported whether it is on or not.
 */
public final class UnawaitedCoroutines {

    /** Whether coroutines are watched. */
    public static final boolean ENABLED = Boolean.getBoolean("jasyncio.debug")
            || "1".equals(System.getenv("JASYNCIO_DEBUG"));

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");

    /** Created on first use, so a program with the feature off never starts the cleaner's thread. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
        static final Map<AsyncFrame<?>, Watch> WATCHED = new WeakHashMap<>();
    }

    /** What the report needs, without a reference to the coroutine (it would never become unreachable). */
    private static final class Watch implements Runnable {
        private final String name;
        private final String createdAt;
        private volatile boolean started;
        private Cleaner.Cleanable cleanable;

        Watch(String name, String createdAt) {
            this.name = name;
            this.createdAt = createdAt;
        }

        @Override
        public void run() {
            if (!started) {
                LOG.log(Level.WARNING, "coroutine '" + name + "' was never awaited"
                        + (createdAt == null ? "" : "\nCoroutine created at " + createdAt));
            }
        }
    }

    private UnawaitedCoroutines() {
    }

    /** Watches a coroutine being made. */
    static void track(AsyncFrame<?> frame) {
        Watch w = new Watch(nameOf(frame), creationSite());
        w.cleanable = Holder.CLEANER.register(frame, w);
        synchronized (Holder.WATCHED) {
            Holder.WATCHED.put(frame, w);
        }
    }

    /** The coroutine starts (is awaited, or its task runs): nothing to report for it. */
    public static void started(AsyncFrame<?> frame) {
        Watch w;
        synchronized (Holder.WATCHED) {
            w = Holder.WATCHED.remove(frame);
        }
        if (w != null) {
            w.started = true;
            w.cleanable.clean();
        }
    }

    /**
     * Called from the frame's constructor, before the subclass's own fields are set: generated frames return a
     * constant, library frames may not be ready to answer.
     */
    private static String nameOf(AsyncFrame<?> frame) {
        try {
            String n = frame.coroutineName();
            return n != null ? n : frame.getClass().getSimpleName();
        } catch (RuntimeException notReadyYet) {
            return frame.getClass().getSimpleName();
        }
    }

    /** A generated frame class's constructor; a user's class named {@code X.Async.y} is not one. */
    private static boolean isFrameConstructor(StackWalker.StackFrame f) {
        return f.getClassName().contains("$Async$") && f.getMethodName().equals("<init>");
    }

    /**
     * Where the user made the coroutine: past the frame constructors, past the async method's factory (the
     * method the user called), or past the runtime's own methods for the library's coroutines.
     */
    private static String creationSite() {
        return StackWalker.getInstance().walk(frames -> {
            java.util.Iterator<StackWalker.StackFrame> it = frames
                    .filter(f -> !f.getClassName().startsWith("dev.jasyncio.internal.")).iterator();
            StackWalker.StackFrame f = it.hasNext() ? it.next() : null;
            if (f != null && isFrameConstructor(f)) {
                while (f != null && isFrameConstructor(f)) {
                    f = it.hasNext() ? it.next() : null;
                }
                f = it.hasNext() ? it.next() : null; // the factory: the async method itself
            }
            while (f != null && f.getClassName().startsWith("dev.jasyncio.")) {
                f = it.hasNext() ? it.next() : null;
            }
            return f == null ? null : f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                    + f.getLineNumber() + ")";
        });
    }
}
