package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Async stack traces. An exception thrown in a coroutine that was resumed by the loop has only that coroutine on its
 * Java stack: the async methods awaiting it were suspended, not calling it. As the failure travels up the chain of
 * awaiting frames, each one is added to the exception's stack trace, at the await where it is suspended (file and
 * line from the generated frame's static table), just above the event loop's own frames. So the trace reads as the
 * logical chain of awaits, and costs nothing unless an exception crosses a resumed frame. The whole chain is added
 * at the first crossing, and only then, however often the same exception object is thrown again.
 */
final class AsyncTraces {

    /** Marker of generated frame classes: {@code Owner$Async$method}. */
    private static final String FRAME_INFIX = "$Async$";
    /** Enough to read any real chain; a runaway recursion is not worth a megabyte of trace. */
    private static final int MAX_TRACE = 1024;

    private AsyncTraces() {
    }

    /**
     * Exceptions that have their async frames: a preallocated exception, or one caught and rethrown, crosses awaiting
     * frames again and must not gain them again. Weak keys: an entry goes with its exception.
     */
    private static final Map<Throwable, Boolean> TRACED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * {@code failure} leaves a frame awaited by {@code caller}: adds {@code caller} and every frame above it, at
     * their awaits, the first time {@code failure} leaves a frame, and nothing afterwards. The chain at that moment
     * is the logical stack of its first throw, as a Java stack trace is the stack where the exception was made; a
     * later crossing (the same object thrown again, or rethrown further up) leaves the trace as it is.
     */
    static void addCaller(Throwable failure, AsyncFrame<?> caller) {
        if (failure instanceof CancelledError) {
            return;
        }
        if (TRACED.containsKey(failure)) {
            return;
        }
        StackTraceElement[] trace = failure.getStackTrace();
        List<StackTraceElement> chain = new ArrayList<>();
        for (AsyncFrame<?> f = caller; f != null && trace.length + chain.size() < MAX_TRACE; f = f.caller) {
            StackTraceElement element = element(f);
            if (element != null) {
                chain.add(element);
            }
        }
        // Only library frames (a task of the runtime's own): the user's frames may come when a task awaits it.
        if (chain.isEmpty() || TRACED.putIfAbsent(failure, Boolean.TRUE) != null) {
            return;
        }
        // Just above the loop's frames: the driver, and the generated resume() it called.
        int at = trace.length;
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(Task.class.getName()) && trace[i].getMethodName().equals("drive")) {
                at = i;
                break;
            }
        }
        while (at > 0 && trace[at - 1].getClassName().contains(FRAME_INFIX)
                && trace[at - 1].getMethodName().equals("resume")) {
            at--;
        }
        StackTraceElement[] out = new StackTraceElement[trace.length + chain.size()];
        System.arraycopy(trace, 0, out, 0, at);
        for (int i = 0; i < chain.size(); i++) {
            out[at + i] = chain.get(i);
        }
        System.arraycopy(trace, at, out, at + chain.size(), trace.length - at);
        failure.setStackTrace(out);
    }

    /** Where {@code frame} awaits, as a trace element of its method; null for a library frame or an unknown place. */
    private static StackTraceElement element(AsyncFrame<?> frame) {
        String frameClass = frame.getClass().getName();
        int infix = frameClass.indexOf(FRAME_INFIX);
        if (infix < 0) {
            return null; // a library frame (sleep, waitFor, ...): not user code
        }
        String where = frame.suspendedAt();
        if (where == null) {
            return null;
        }
        int colon = where.lastIndexOf(':');
        String file = colon > 0 ? where.substring(0, colon) : where;
        int line = -1;
        if (colon > 0) {
            try {
                line = Integer.parseInt(where.substring(colon + 1));
            } catch (NumberFormatException e) {
                line = -1;
            }
        }
        String owner = ownerOf(frame, frameClass);
        int start = owner.length() + FRAME_INFIX.length();
        if (!frameClass.startsWith(owner + FRAME_INFIX)) {
            owner = frameClass.substring(0, infix);
            start = infix + FRAME_INFIX.length();
        }
        // A frame class whose natural name was taken carries a suffix: $2, $3, ...
        String method = frameClass.substring(start).replaceFirst("\\$\\d+$", "");
        return new StackTraceElement(owner, method, file, line);
    }

    /**
     * The binary name of the class that declares the frame's async method. Not read from the frame class's name
     * alone: the owner's own name may contain {@code $Async$} (a user's nested class {@code Async}), so the first
     * infix is not always the generated one. The generated {@code coroutineName()} is {@code Owner.method}, the
     * owner's binary name without its package, which is the frame class's package.
     */
    private static String ownerOf(AsyncFrame<?> frame, String frameClass) {
        String name = frame.coroutineName();
        int dot = name == null ? -1 : name.indexOf('.');
        if (dot <= 0) {
            return frameClass.substring(0, frameClass.indexOf(FRAME_INFIX));
        }
        int pkg = frameClass.lastIndexOf('.');
        return (pkg < 0 ? "" : frameClass.substring(0, pkg + 1)) + name.substring(0, dot);
    }
}
