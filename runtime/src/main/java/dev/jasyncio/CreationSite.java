package dev.jasyncio;

import java.lang.ref.Cleaner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a task was created, captured in debug mode only (a stack walk per task is too dear otherwise), for
 * asyncio's {@code source_traceback} in warnings: "Task exception was never retrieved", "Task was destroyed but it
 * is pending!", slow steps, task trees.
 */
final class CreationSite {

    /** As asyncio's {@code DEBUG_STACK_DEPTH}: the newest frames are the informative ones. */
    private static final int DEPTH = 10;

    private CreationSite() {
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Where the runtime's classes come from: frames of classes loaded from there are the runtime's own. */
    private static final CodeSource RUNTIME = EventLoop.class.getProtectionDomain().getCodeSource();

    /** The caller's stack, newest runtime frames dropped, at most {@link #DEPTH} frames, oldest first. */
    static List<StackTraceElement> capture() {
        List<StackTraceElement> frames = WALKER.walk(s -> s.dropWhile(CreationSite::isRuntime).limit(DEPTH)
                .map(StackWalker.StackFrame::toStackTraceElement).collect(Collectors.toCollection(ArrayList::new)));
        Collections.reverse(frames);
        return Collections.unmodifiableList(frames);
    }

    private static boolean isRuntime(StackWalker.StackFrame f) {
        Class<?> c = f.getDeclaringClass();
        if (RUNTIME != null) {
            return RUNTIME.equals(c.getProtectionDomain().getCodeSource());
        }
        String n = c.getPackageName();
        return n.equals("dev.jasyncio") || n.startsWith("dev.jasyncio.internal");
    }

    /** The newest frame, {@code File.java:12}, or null. */
    static String callSite(List<StackTraceElement> site) {
        if (site == null || site.isEmpty()) {
            return null;
        }
        StackTraceElement e = site.get(site.size() - 1);
        return e.getFileName() + ":" + e.getLineNumber();
    }

    /** asyncio's rendering: {@code Object created at (most recent call last):} and one line per frame. */
    static String format(List<?> site) {
        StringBuilder b = new StringBuilder("Object created at (most recent call last):");
        for (Object o : site) {
            if (o instanceof StackTraceElement) {
                StackTraceElement e = (StackTraceElement) o;
                b.append(System.lineSeparator()).append("  File \"").append(e.getFileName()).append("\", line ")
                        .append(e.getLineNumber()).append(", in ").append(e.getClassName()).append('.')
                        .append(e.getMethodName());
            } else {
                b.append(System.lineSeparator()).append("  ").append(o);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // "Task was destroyed but it is pending!"

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    /**
     * The loop closed with {@code task} still pending: it can never run again. As CPython, which reports such a
     * task when it is collected, report it when it becomes unreachable (it may still be referenced by the user).
     */
    static void watchAbandoned(EventLoop loop, Task<?> task, List<StackTraceElement> site) {
        String description = task.toString();
        Holder.CLEANER.register(task, () -> {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Task was destroyed but it is pending!");
            if (site != null) {
                context.put("source_traceback", site);
            }
            context.put("task", description);
            loop.callExceptionHandler(context);
        });
    }
}
