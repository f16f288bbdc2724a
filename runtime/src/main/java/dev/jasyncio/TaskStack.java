package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link Task#getStack(int)} and {@link Task#printStack(int, PrintStream)}: asyncio's {@code base_tasks} helpers.
 * A pending task's stack is its chain of suspended frames, read through {@link AsyncFrame#caller}; each frame
 * becomes a {@link StackTraceElement} from its {@code coroutineName()} and {@code suspendedAt()}.
 */
final class TaskStack {

    private TaskStack() {
    }

    static List<StackTraceElement> of(Task<?> task, int limit) {
        List<StackTraceElement> frames = new ArrayList<>();
        if (!task.done()) {
            // Innermost first while walking, then reversed: the newest `limit` frames, oldest first.
            for (AsyncFrame<?> f = task.innermostFrame(); f != null && frames.size() < limit; f = f.caller) {
                frames.add(element(f));
            }
            Collections.reverse(frames);
        } else if (task.state == Future.FINISHED && task.rawException() != null) {
            StackTraceElement[] trace = task.rawException().getStackTrace();
            for (int i = trace.length - 1; i >= 0 && frames.size() < limit; i--) {
                frames.add(trace[i]);
            }
        }
        return frames;
    }

    /** {@code Fetch.main} suspended at {@code Fetch.java:12} becomes {@code Fetch.main(Fetch.java:12)}. */
    private static StackTraceElement element(AsyncFrame<?> f) {
        String name = f.coroutineName();
        int dot = name.lastIndexOf('.');
        String owner = dot < 0 ? "" : name.substring(0, dot);
        String method = dot < 0 ? name : name.substring(dot + 1);
        String at = f.state == AsyncFrame.RUNNING ? f.suspendedAt() : null;
        String file = null;
        int line = -1;
        if (at != null) {
            int colon = at.lastIndexOf(':');
            file = colon < 0 ? at : at.substring(0, colon);
            try {
                line = colon < 0 ? -1 : Integer.parseInt(at.substring(colon + 1));
            } catch (NumberFormatException notALine) {
                file = at;
            }
        }
        return new StackTraceElement(owner, method, file, line);
    }

    static void print(Task<?> task, int limit, PrintStream out) {
        List<StackTraceElement> frames = of(task, limit);
        Throwable failure = task.state == Future.FINISHED ? task.rawException() : null;
        if (frames.isEmpty()) {
            out.println("No stack for " + task);
        } else if (failure != null) {
            out.println("Traceback for " + task + " (most recent call last):");
        } else {
            out.println("Stack for " + task + " (most recent call last):");
        }
        for (StackTraceElement e : frames) {
            out.println("  File \"" + (e.getFileName() == null ? "<unknown>" : e.getFileName()) + "\", line "
                    + e.getLineNumber() + ", in " + e.getClassName() + (e.getClassName().isEmpty() ? "" : ".")
                    + e.getMethodName());
        }
        if (failure != null) {
            out.println(failure);
        }
    }
}
