package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;

/**
 * Async stack traces. An exception thrown in a coroutine that was resumed by the loop has only that coroutine on its
 * Java stack: the async methods awaiting it were suspended, not calling it. As the failure travels up the chain of
 * awaiting frames, each one is added to the exception's stack trace, at the await where it is suspended (file and
 * line from the generated frame's static table), just above the event loop's own frames. So the trace reads as the
 * logical chain of awaits, and costs nothing unless an exception crosses a resumed frame.
 */
final class AsyncTraces {

    /** Marker of generated frame classes: {@code Owner$Async$method}. */
    private static final String FRAME_INFIX = "$Async$";
    /** Enough to read any real chain; a runaway recursion is not worth a megabyte of trace. */
    private static final int MAX_TRACE = 1024;

    private AsyncTraces() {
    }

    static void addCaller(Throwable failure, AsyncFrame<?> caller) {
        if (failure instanceof CancelledError) {
            return;
        }
        String frameClass = caller.getClass().getName();
        int infix = frameClass.indexOf(FRAME_INFIX);
        if (infix < 0) {
            return; // a library frame (sleep, waitFor, ...): not user code
        }
        String where = caller.suspendedAt();
        if (where == null) {
            return;
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
        String owner = ownerOf(caller, frameClass);
        int start = owner.length() + FRAME_INFIX.length();
        if (!frameClass.startsWith(owner + FRAME_INFIX)) {
            owner = frameClass.substring(0, infix);
            start = infix + FRAME_INFIX.length();
        }
        // A frame class whose natural name was taken carries a suffix: $2, $3, ...
        String method = frameClass.substring(start).replaceFirst("\\$\\d+$", "");
        StackTraceElement element = new StackTraceElement(owner, method, file, line);

        StackTraceElement[] trace = failure.getStackTrace();
        if (trace.length > MAX_TRACE) {
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
        StackTraceElement[] out = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, out, 0, at);
        out[at] = element;
        System.arraycopy(trace, at, out, at + 1, trace.length - at);
        failure.setStackTrace(out);
    }

    /**
     * The binary name of the class that declares the frame's async method. Not read from the frame class's name
     * alone: the owner's own name may contain {@code $Async$} (a user's nested class {@code Async}), so the first
     * infix is not always the generated one. The generated {@code coroutineName()} is {@code Owner.method}, the
     * owner's binary name without its package, which is the frame class's package.
     */
    private static String ownerOf(AsyncFrame<?> caller, String frameClass) {
        String name = caller.coroutineName();
        int dot = name == null ? -1 : name.indexOf('.');
        if (dot <= 0) {
            return frameClass.substring(0, frameClass.indexOf(FRAME_INFIX));
        }
        int pkg = frameClass.lastIndexOf('.');
        return (pkg < 0 ? "" : frameClass.substring(0, pkg + 1)) + name.substring(0, dot);
    }
}
